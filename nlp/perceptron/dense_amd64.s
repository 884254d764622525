//go:build amd64

#include "textflag.h"

// func sumRowsAVX2(dense *uint64, rows *uint32, nrows int, blocks int, acc *int32)
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ dense+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ nrows+16(FP), CX
	MOVQ blocks+24(FP), DX
	MOVQ acc+32(FP), R8
	XORQ R9, R9 // byte offset of the block in a row

block:
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	XORQ R10, R10 // row index

row:
	MOVL (DI)(R10*4), R11
	LEAQ (SI)(R11*8), R12
	VPMOVZXWD (R12)(R9*1), Y4
	VPMOVZXWD 16(R12)(R9*1), Y5
	VPMOVZXWD 32(R12)(R9*1), Y6
	VPMOVZXWD 48(R12)(R9*1), Y7
	VPADDD Y4, Y0, Y0
	VPADDD Y5, Y1, Y1
	VPADDD Y6, Y2, Y2
	VPADDD Y7, Y3, Y3
	INCQ R10
	CMPQ R10, CX
	JLT row

	VMOVDQU Y0, (R8)
	VMOVDQU Y1, 32(R8)
	VMOVDQU Y2, 64(R8)
	VMOVDQU Y3, 96(R8)
	ADDQ $128, R8
	ADDQ $64, R9
	DECQ DX
	JNZ block
	VZEROUPPER
	RET
