//go:build amd64

#include "textflag.h"

// Eight int32 -1 then eight 0: the eight words from word 8-k are the mask of k lanes.
DATA laneMask<>+0(SB)/8, $-1
DATA laneMask<>+8(SB)/8, $-1
DATA laneMask<>+16(SB)/8, $-1
DATA laneMask<>+24(SB)/8, $-1
DATA laneMask<>+32(SB)/8, $0
DATA laneMask<>+40(SB)/8, $0
DATA laneMask<>+48(SB)/8, $0
DATA laneMask<>+56(SB)/8, $0
GLOBL laneMask<>(SB), RODATA|NOPTR, $64

// The int32 0 to 7: lane numbers.
DATA laneNumber<>+0(SB)/8, $0x0000000100000000
DATA laneNumber<>+8(SB)/8, $0x0000000300000002
DATA laneNumber<>+16(SB)/8, $0x0000000500000004
DATA laneNumber<>+24(SB)/8, $0x0000000700000006
GLOBL laneNumber<>(SB), RODATA|NOPTR, $32

// func sumTopAVX2(a, b, c, d *uint64, s *int32, n int, top *[3]int32)
TEXT ·sumTopAVX2(SB), NOSPLIT, $0-56
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ c+16(FP), R8
	MOVQ d+24(FP), R9
	MOVQ s+32(FP), R10
	MOVQ n+40(FP), CX
	MOVQ top+48(FP), R11

	// Y15 = 4·laneBias (4<<24) in every lane, Y14 = math.MinInt32 in every lane
	MOVL $0x04000000, AX
	MOVQ AX, X15
	VPBROADCASTD X15, Y15
	MOVL $0x80000000, AX
	MOVQ AX, X14
	VPBROADCASTD X14, Y14
	VMOVDQU Y14, Y12 // per lane: the largest q
	VMOVDQU Y14, Y13 // per lane: the second largest q
	VPXOR Y11, Y11, Y11 // per lane: the block of its first largest q
	VPXOR Y10, Y10, Y10 // the block number in every lane
	MOVL $1, AX
	MOVQ AX, X9
	VPBROADCASTD X9, Y9
	XORQ BX, BX      // byte offset of the block

block:
	CMPQ CX, $8
	JLT tail
	VMOVDQU (SI)(BX*1), Y0
	VPADDD (DI)(BX*1), Y0, Y0
	VPADDD (R8)(BX*1), Y0, Y0
	VPADDD (R9)(BX*1), Y0, Y0
	VPSUBD Y15, Y0, Y0
	VPADDD (R10)(BX*1), Y0, Y0
	VPCMPGTD Y12, Y0, Y2        // lanes above their largest so far
	VPBLENDVB Y2, Y10, Y11, Y11 // take this block's number there
	VPMINSD Y12, Y0, Y1
	VPMAXSD Y12, Y0, Y12
	VPMAXSD Y1, Y13, Y13
	VPADDD Y9, Y10, Y10
	ADDQ $32, BX
	SUBQ $8, CX
	JMP block

tail:
	// fewer than 8 lanes left: masked loads (they touch no memory of a lane masked off),
	// and the lanes past n count as math.MinInt32
	TESTQ CX, CX
	JZ done
	LEAQ laneMask<>(SB), AX
	MOVQ $8, DX
	SUBQ CX, DX
	VMOVDQU (AX)(DX*4), Y5
	VPMASKMOVD (SI)(BX*1), Y5, Y0
	VPMASKMOVD (DI)(BX*1), Y5, Y1
	VPADDD Y1, Y0, Y0
	VPMASKMOVD (R8)(BX*1), Y5, Y1
	VPADDD Y1, Y0, Y0
	VPMASKMOVD (R9)(BX*1), Y5, Y1
	VPADDD Y1, Y0, Y0
	VPSUBD Y15, Y0, Y0
	VPMASKMOVD (R10)(BX*1), Y5, Y1
	VPADDD Y1, Y0, Y0
	VPAND Y5, Y0, Y0
	VPANDN Y14, Y5, Y1 // ^mask & MinInt32
	VPOR Y1, Y0, Y0
	VPCMPGTD Y12, Y0, Y2        // lanes above their largest so far
	VPBLENDVB Y2, Y10, Y11, Y11 // take this block's number there
	VPMINSD Y12, Y0, Y1
	VPMAXSD Y12, Y0, Y12
	VPMAXSD Y1, Y13, Y13

done:
	// Y0 = the largest q in every lane
	VPERM2I128 $1, Y12, Y12, Y0
	VPMAXSD Y0, Y12, Y0
	VPSHUFD $0x4E, Y0, Y1
	VPMAXSD Y1, Y0, Y0
	VPSHUFD $0xB1, Y0, Y1
	VPMAXSD Y1, Y0, Y0
	VPCMPEQD Y0, Y12, Y2 // the lanes whose largest it is

	// the first class of the largest: least 8·block + lane of those lanes
	VPSLLD $3, Y11, Y3
	VPADDD laneNumber<>(SB), Y3, Y3
	VPCMPEQD Y4, Y4, Y4
	VPSRLD $1, Y4, Y4           // math.MaxInt32 in every lane
	VPBLENDVB Y2, Y3, Y4, Y3    // the lanes of the largest: their first class, others MaxInt32
	VPERM2I128 $1, Y3, Y3, Y4
	VPMINSD Y4, Y3, Y3
	VPSHUFD $0x4E, Y3, Y4
	VPMINSD Y4, Y3, Y3
	VPSHUFD $0xB1, Y3, Y4
	VPMINSD Y4, Y3, Y3

	// the second largest: the largest again if two lanes have it, else the largest of the
	// other lanes' largest and every lane's second largest
	VPBLENDVB Y2, Y14, Y12, Y5  // the lanes of the largest: math.MinInt32
	VPMAXSD Y13, Y5, Y5
	VPERM2I128 $1, Y5, Y5, Y6
	VPMAXSD Y6, Y5, Y5
	VPSHUFD $0x4E, Y5, Y6
	VPMAXSD Y6, Y5, Y5
	VPSHUFD $0xB1, Y5, Y6
	VPMAXSD Y6, Y5, Y5

	MOVQ X3, AX
	MOVL AX, (R11)
	MOVQ X0, AX
	MOVL AX, 4(R11)
	MOVQ X5, DX
	VMOVMSKPS Y2, BX
	MOVL BX, CX
	DECL CX
	TESTL BX, CX // more than one lane has the largest
	CMOVLNE AX, DX
	MOVL DX, 8(R11)
	VZEROUPPER
	RET

// func addLanesAVX2(dst, base *uint64, src *int32, n int)
TEXT ·addLanesAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ base+8(FP), SI
	MOVQ src+16(FP), DX
	MOVQ n+24(FP), CX
	XORQ BX, BX // byte offset of the block

lanes:
	CMPQ CX, $8
	JLT rest
	VMOVDQU (SI)(BX*1), Y0
	VPADDD (DX)(BX*1), Y0, Y0
	VMOVDQU Y0, (DI)(BX*1)
	ADDQ $32, BX
	SUBQ $8, CX
	JMP lanes

rest:
	// fewer than 8 lanes left: masked loads and store
	TESTQ CX, CX
	JZ end
	LEAQ laneMask<>(SB), AX
	MOVQ $8, R8
	SUBQ CX, R8
	VMOVDQU (AX)(R8*4), Y5
	VPMASKMOVD (SI)(BX*1), Y5, Y0
	VPMASKMOVD (DX)(BX*1), Y5, Y1
	VPADDD Y1, Y0, Y0
	VPMASKMOVD Y0, Y5, (DI)(BX*1)

end:
	VZEROUPPER
	RET
