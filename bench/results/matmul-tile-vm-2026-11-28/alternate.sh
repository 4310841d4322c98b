#!/bin/sh
for i in $(seq 12); do for b in OLD/bin NEW/bin OLD/bin-o3 NEW/bin-o3 OLD/bin-clang NEW/bin-clang; do printf '%s %s\n' $b $($b/pk run matmul -m serial -c A -r 3 -w 1 -q 2>&1 | awk '/^  serial/{print $3}'); done; done
