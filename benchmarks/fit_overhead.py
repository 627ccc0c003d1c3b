"""How much time does coursekit.fit add over a bare PyTorch loop? (target: at most 5%)

Same model, same data, same optimiser, same number of epochs; the two are run
alternately several times and the median times are compared. Run it with

    python benchmarks/fit_overhead.py [--repeats 7] [--epochs 5]
"""
import argparse
import statistics
import time

import torch
from torch import nn

import coursekit
from coursekit.data import digits_splits, make_loaders


def bare_loop(model, loader, epochs, lr):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(epochs):
        for x, y in loader:
            out = model(x)
            loss = loss_fn(out, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()


def with_fit(model, loader, epochs, lr):
    coursekit.fit(model, loader, epochs=epochs, lr=lr, device="cpu", progress=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    loader = make_loaders(digits_splits(), batch_size=64)["train"]
    times = {"bare": [], "fit": []}
    for r in range(args.repeats):
        order = [("bare", bare_loop), ("fit", with_fit)]
        if r % 2:
            order.reverse()
        for name, fn in order:
            coursekit.seed_everything(0)
            model = coursekit.MLP(in_features=64)
            t0 = time.perf_counter()
            fn(model, loader, args.epochs, 1e-3)
            times[name].append(time.perf_counter() - t0)
    bare, fit = statistics.median(times["bare"]), statistics.median(times["fit"])
    print(f"bare loop: median {bare:.3f} s   coursekit.fit: median {fit:.3f} s   "
          f"({args.repeats} repeats x {args.epochs} epochs, {torch.get_num_threads()} threads)")
    print(f"ratio fit / bare = {fit / bare:.3f}  (overhead {100 * (fit / bare - 1):+.1f}%)")


if __name__ == "__main__":
    main()
