//go:build amd64

#include "textflag.h"

// Eight int32 -1 then eight 0: the eight words from word 8-k are the mask of k lanes.
DATA maskTable<>+0(SB)/8, $-1
DATA maskTable<>+8(SB)/8, $-1
DATA maskTable<>+16(SB)/8, $-1
DATA maskTable<>+24(SB)/8, $-1
DATA maskTable<>+32(SB)/8, $0
DATA maskTable<>+40(SB)/8, $0
DATA maskTable<>+48(SB)/8, $0
DATA maskTable<>+56(SB)/8, $0
GLOBL maskTable<>(SB), RODATA|NOPTR, $64

// func sumRowsAVX2(dense *uint64, rows *uint32, nrows int, q *int32, n int)
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ dense+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ nrows+16(FP), CX
	MOVQ q+24(FP), R8
	MOVQ n+32(FP), R13 // values still to store

	// Y15 = the bias of the sums, 32768 for each row, in every lane
	MOVQ CX, AX
	SHLQ $15, AX
	MOVQ AX, X15
	VPBROADCASTD X15, Y15
	XORQ R9, R9 // byte offset of the block (cache line) in a row

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

	VPSUBD Y15, Y0, Y0
	VPSUBD Y15, Y1, Y1
	VPSUBD Y15, Y2, Y2
	VPSUBD Y15, Y3, Y3
	CMPQ R13, $32
	JLT tail
	VMOVDQU Y0, (R8)
	VMOVDQU Y1, 32(R8)
	VMOVDQU Y2, 64(R8)
	VMOVDQU Y3, 96(R8)
	ADDQ $128, R8
	ADDQ $64, R9
	SUBQ $32, R13
	JNZ block
	VZEROUPPER
	RET

tail:
	// the last block, fewer than 32 values: whole registers, then the masked rest
	CMPQ R13, $8
	JLT masked
	VMOVDQU Y0, (R8)
	ADDQ $32, R8
	SUBQ $8, R13
	VMOVDQA Y1, Y0
	VMOVDQA Y2, Y1
	VMOVDQA Y3, Y2
	JMP tail

masked:
	TESTQ R13, R13
	JZ done
	LEAQ maskTable<>(SB), AX
	MOVQ $8, BX
	SUBQ R13, BX
	VMOVDQU (AX)(BX*4), Y5
	VPMASKMOVD Y0, Y5, (R8)

done:
	VZEROUPPER
	RET
