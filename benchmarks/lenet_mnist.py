"""Notebook 08's headline from the command line: LeNet-5 on the MNIST digits, over several seeds.

The recipe is notebook 08's (``coursekit.architectures.train_lenet5``): the 8,000 training digits padded to 32×32 and
normalised, LeNet-5 with ReLU, Adam at 1e-3 for 20 epochs of which the last 3 at 1e-4, every digit moved by up to
2 pixels at random while training. The validation split chose these settings (see the notebook); the test split
(1,001 digits) is evaluated once per seed, at the end. Prints, per seed, the validation and test accuracy and the
training time (wall clock, and CPU time of all threads together: on a busy machine CPU time / threads is the better
estimate of the time on an idle one), then mean [min, max] over the seeds. Run it with

    python benchmarks/lenet_mnist.py [--threads 2] [--seeds 0 1 2] [--epochs 20] [--decay-epochs 3] [--max-shift 2]
                                     [--limit N] [--out benchmarks/results/lenet_mnist.md]

It exits with status 1 when the mean test accuracy misses the target (98.5%), and ``--out`` keeps a record of the run.
"""
import argparse
import sys
import time
from pathlib import Path

from coursekit.architectures import train_lenet5
from coursekit.claims import Spread, set_deterministic
from coursekit.training import evaluate
from coursekit.vision import mnist_splits, normalize_splits

TARGET = 0.985


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--decay-epochs", type=int, default=3)
    parser.add_argument("--max-shift", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training digits (quick checks)")
    parser.add_argument("--out", type=Path, help="also write the printed lines to this Markdown file")
    args = parser.parse_args(argv)
    threads = set_deterministic(args.threads)
    splits, _, _ = normalize_splits(mnist_splits(size=32, limit=args.limit))
    X_test, y_test = splits["test"].tensors
    rows, lines = [], []

    def say(text):
        print(text, flush=True)
        lines.append(text)

    for seed in args.seeds:
        cpu0 = time.process_time()
        model, hist = train_lenet5(splits, seed=seed, epochs=args.epochs, decay_epochs=args.decay_epochs, lr=args.lr,
                                   max_shift=args.max_shift, device="cpu", progress=False)
        cpu = time.process_time() - cpu0
        test = evaluate(model, (X_test, y_test), device="cpu")["acc"]
        rows.append((hist["val_acc"][-1], test, hist["seconds"], cpu))
        say(f"seed {seed}: validation {hist['val_acc'][-1]:.2%}  test {test:.2%}  "
            f"({round((1 - test) * len(y_test))} of {len(y_test)} wrong)  wall {hist['seconds']:.1f} s  "
            f"CPU {cpu:.1f} s (CPU / {threads} threads = {cpu / threads:.1f} s)")
    val, test, wall, cpu = (Spread(tuple(col)) for col in zip(*rows))
    say(f"LeNet-5, MNIST, {len(splits['train']):,} training digits, {len(args.seeds)} seeds, {threads} threads: "
        f"validation {val:.2%}, test {test:.2%}, wall {wall:.0f} s per run, CPU / threads {cpu.mean / threads:.0f} s")
    met = test.mean >= TARGET
    say(f"target {TARGET:.1%} on the test digits (mean): {'met' if met else 'MISSED'}")
    if args.out:
        from _record import write_record

        write_record(args.out, "LeNet-5 on MNIST (notebook 08's recipe)", lines, threads)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
