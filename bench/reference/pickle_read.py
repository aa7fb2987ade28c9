"""Python's side of the DEAP reading benchmark (issue 3): pickle.load(f, encoding='latin1') of every sNN.dat in a
folder, as DEAP's own instructions read them. Run with Debian's /usr/bin/python3 (numpy).

Usage: pickle_read.py DIR [--rounds N]   Prints one JSON line: the best round's seconds.
"""
import argparse
import glob
import json
import os
import pickle
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.folder, "s[0-9]*.dat")))
    best = float("inf")
    samples = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        samples = 0
        for path in files:
            with open(path, "rb") as f:
                subject = pickle.load(f, encoding="latin1")
            samples += subject["data"].size
            del subject
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"runtime": "python-pickle", "task": "read", "subjects": len(files), "samples": samples, "seconds": best}))


if __name__ == "__main__":
    main()
