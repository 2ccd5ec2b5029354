#!/usr/bin/env python3
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

# bench/spark-groups.py -- writes the synthetic data of the Spark benchmark: G groups of 30 rows each (5 model sizes x
# 6 token counts), each group drawn from its own Chinchilla-like truth with 1% log-normal noise. Standard library only.
#
# Usage: bench/spark-groups.py [--groups G] [--seed S] > groups.csv
import argparse
import math
import random
import sys

p = argparse.ArgumentParser(description=__doc__)
p.add_argument("--groups", type=int, default=10000)
p.add_argument("--seed", type=int, default=0)
a = p.parse_args()
rnd = random.Random(a.seed)
out = sys.stdout
out.write("task,N,D,loss\n")
for g in range(a.groups):
    e = 1.5 + 0.5 * rnd.random()
    big_a = 200 + 400 * rnd.random()
    big_b = 500 + 2000 * rnd.random()
    alpha = 0.28 + 0.12 * rnd.random()
    beta = 0.28 + 0.12 * rnd.random()
    for n in (1e7, 3e7, 1e8, 3e8, 1e9):
        for tpp in (2, 5, 10, 20, 50, 100):
            d = n * tpp
            loss = (e + big_a * n ** -alpha + big_b * d ** -beta) * math.exp(0.01 * rnd.gauss(0, 1))
            out.write(f"g{g:05d},{n:.6g},{d:.6g},{loss!r}\n")
