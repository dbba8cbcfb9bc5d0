;; int8 dot products of one query with `rows` vectors stored row after row (the in-process vector index,
;; vector-kernel.ts holds the compiled bytes). `stride` (bytes per row) is a multiple of 64: four 16-byte
;; lanes per step into four accumulators. Values lie in [-127, 127], so the sum of two i8 x i8 products
;; fits an i16 lane. out[r] (i32) = sum(data[r * stride + j] * query[j]).
(module
  (import "env" "memory" (memory 1 65536))
  (func (export "dotsI8") (param $data i32) (param $query i32) (param $rows i32) (param $stride i32) (param $out i32)
    (local $end i32) (local $q i32) (local $qend i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $d v128) (local $v v128) (local $s v128)
    (local.set $qend (i32.add (local.get $query) (local.get $stride)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $q (local.get $query))
        (loop $col
          (local.set $d (v128.load offset=0 (local.get $data)))
          (local.set $v (v128.load offset=0 (local.get $q)))
          (local.set $a0 (i32x4.add (local.get $a0) (i32x4.extadd_pairwise_i16x8_s
            (i16x8.add (i16x8.extmul_low_i8x16_s (local.get $d) (local.get $v))
                       (i16x8.extmul_high_i8x16_s (local.get $d) (local.get $v))))))
          (local.set $d (v128.load offset=16 (local.get $data)))
          (local.set $v (v128.load offset=16 (local.get $q)))
          (local.set $a1 (i32x4.add (local.get $a1) (i32x4.extadd_pairwise_i16x8_s
            (i16x8.add (i16x8.extmul_low_i8x16_s (local.get $d) (local.get $v))
                       (i16x8.extmul_high_i8x16_s (local.get $d) (local.get $v))))))
          (local.set $d (v128.load offset=32 (local.get $data)))
          (local.set $v (v128.load offset=32 (local.get $q)))
          (local.set $a2 (i32x4.add (local.get $a2) (i32x4.extadd_pairwise_i16x8_s
            (i16x8.add (i16x8.extmul_low_i8x16_s (local.get $d) (local.get $v))
                       (i16x8.extmul_high_i8x16_s (local.get $d) (local.get $v))))))
          (local.set $d (v128.load offset=48 (local.get $data)))
          (local.set $v (v128.load offset=48 (local.get $q)))
          (local.set $a3 (i32x4.add (local.get $a3) (i32x4.extadd_pairwise_i16x8_s
            (i16x8.add (i16x8.extmul_low_i8x16_s (local.get $d) (local.get $v))
                       (i16x8.extmul_high_i8x16_s (local.get $d) (local.get $v))))))
          (local.set $data (i32.add (local.get $data) (i32.const 64)))
          (local.set $q (i32.add (local.get $q) (i32.const 64)))
          (br_if $col (i32.lt_u (local.get $q) (local.get $qend))))
        (local.set $s (i32x4.add (i32x4.add (local.get $a0) (local.get $a1)) (i32x4.add (local.get $a2) (local.get $a3))))
        (i32.store (local.get $out)
          (i32.add
            (i32.add (i32x4.extract_lane 0 (local.get $s)) (i32x4.extract_lane 1 (local.get $s)))
            (i32.add (i32x4.extract_lane 2 (local.get $s)) (i32x4.extract_lane 3 (local.get $s)))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $row)))))
