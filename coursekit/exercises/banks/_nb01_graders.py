"""Graders of practice 01 (deep neural networks): make_dnn (q9) and one training step (q13)."""
import copy

import torch
from torch import nn

from ...i18n import T
from ..core import NotAttempted, contains_placeholder, ok, wrong
from ..modcheck import compare_modules, random_inputs

DNN_CONFIGS = [(64, [512, 256], 10), (3, [4], 2), (10, [8, 6, 4], 5), (7, [], 3)]   # the last: no hidden layer


def grade_make_dnn(make_dnn):
    """make_dnn(n_in, hidden, n_out) must behave like coursekit.MLP with the same weights, in both modes."""
    from ...models import MLP, MLPConfig

    for n_in, hidden, n_out in DNN_CONFIGS:
        call = f"make_dnn({n_in}, {hidden}, {n_out})"
        torch.manual_seed(0)
        net = make_dnn(n_in, list(hidden), n_out)
        if contains_placeholder(net):
            raise NotAttempted()
        if not isinstance(net, nn.Module):
            return wrong(f"{call} को एक nn.Module (जैसे nn.Sequential) लौटाना चाहिए; मिला: {type(net).__name__}।",
                         f"{call} must return an nn.Module (such as nn.Sequential); got a {type(net).__name__}")
        net = net.cpu()
        torch.manual_seed(0)
        twin = MLP(MLPConfig(in_features=n_in, hidden=list(hidden), out_features=n_out))
        shapes = [tuple(m.weight.shape) for m in net.modules() if isinstance(m, nn.Linear)]
        expected = [tuple(m.weight.shape) for m in twin.modules() if isinstance(m, nn.Linear)]
        if shapes != expected:
            return wrong(f"{call} में nn.Linear layers के weight shapes (out, in) {expected} होने चाहिए; मिले {shapes}। "
                         "हर size n_in, hidden और n_out से लीजिए — code में 64, 512 या 256 सीधे न लिखिए।",
                         f"{call} needs nn.Linear layers with weight shapes (out, in) {expected}; got {shapes}. Take "
                         "every size from n_in, hidden and n_out — not 64, 512 or 256 written in.")
        for train in (False, True):           # training mode too: a Dropout would show there
            bad = compare_modules(net, twin, random_inputs((n_in,)), train=train, name=call)
            if bad is not None:
                return bad
    return ok("आपका network हर आकार में coursekit.MLP के बराबर है: वही layers, वही output "
              "(make_dnn(64, [512, 256], 10) में 167,178 parameters)।",
              "your network equals coursekit.MLP at every size: the same layers, the same output "
              "(167,178 parameters in make_dnn(64, [512, 256], 10)).")


def train_step_solution(model, x, y, optimizer, loss_fn):
    logits = model(x)
    loss = loss_fn(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def step_without_zero_grad(model, x, y, optimizer, loss_fn):
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


def wrong_step_zero_grad_after_backward(model, x, y, optimizer, loss_fn):
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.zero_grad()                   # erases the gradients just computed
    optimizer.step()
    return loss.item()


def wrong_step_returns_tensor(model, x, y, optimizer, loss_fn):
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss


def wrong_step_loss_after_update(model, x, y, optimizer, loss_fn):
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss_fn(model(x), y).item()


STEP_CASES = [  # batch size, learning rate, momentum
    (6, 0.1, 0.0), (1, 0.05, 0.0), (10, 0.1, 0.9),
]


def _same(a, b) -> bool:
    return all(torch.allclose(p.detach().cpu(), q.detach().cpu(), atol=1e-6) for p, q in zip(a, b))


def grade_train_step(train_step):
    """Run the learner's step and the reference step on identical copies; compare loss and weights."""
    loss_fn = nn.CrossEntropyLoss()
    for seed, (batch, lr, momentum) in enumerate(STEP_CASES):
        torch.manual_seed(seed)
        base = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
        x, y = torch.randn(batch, 4), torch.randint(0, 3, (batch,))
        nets = {k: copy.deepcopy(base) for k in ("mine", "ref", "no_zero")}
        for net in nets.values():            # gradients left over from an earlier step: a correct step clears them
            for p in net.parameters():
                p.grad = torch.ones_like(p)
        before = [p.detach().clone() for p in base.parameters()]
        opts = {k: torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum) for k, net in nets.items()}
        expected = train_step_solution(nets["ref"], x, y, opts["ref"], loss_fn)
        step_without_zero_grad(nets["no_zero"], x, y, opts["no_zero"], loss_fn)
        got = train_step(nets["mine"], x.clone(), y.clone(), opts["mine"], loss_fn)
        if contains_placeholder(got):
            raise NotAttempted()
        where = T(f" (batch {batch}, lr {lr}, momentum {momentum})", f" (batch {batch}, lr {lr}, momentum {momentum})")
        mine = list(nets["mine"].parameters())
        if _same(mine, before):
            return wrong("weights बिल्कुल नहीं बदले: क्या आपने optimizer.step() चलाया — loss.backward() के बाद, और उन दोनों "
                         "के बीच zero_grad() के बिना? backward के बाद zero_grad() सारे gradients मिटा देता है।" + where.hi,
                         "the weights did not change at all: did you call optimizer.step() — after loss.backward(), "
                         "with no zero_grad() between them? A zero_grad() after backward erases every gradient." + where.en)
        if _same(mine, nets["no_zero"].parameters()):
            return wrong("weights बदले, पर पुराने gradients भी जुड़ गए: PyTorch gradients जोड़ता (accumulate) है, इसलिए "
                         "loss.backward() से पहले optimizer.zero_grad() चलाइए।",
                         "the weights changed, but old gradients were added in: PyTorch accumulates gradients, so call "
                         "optimizer.zero_grad() before loss.backward().")
        if not _same(mine, nets["ref"].parameters()):
            return wrong("weights reference step जैसे नहीं बदले। क्रम याद कीजिए: forward pass → loss → zero_grad → "
                         "backward → optimizer.step(), और हर step एक ही बार।" + where.hi,
                         "the weights did not change like the reference step. Remember the order: forward pass → loss → "
                         "zero_grad → backward → optimizer.step(), each once." + where.en)
        if isinstance(got, torch.Tensor) or not isinstance(got, (int, float)) or isinstance(got, bool):
            return wrong(f"weights सही बदले, पर function को loss एक Python संख्या (float) के रूप में लौटाना है: loss.item()। "
                         f"मिला: {type(got).__name__} — tensor लौटाने पर पूरा graph memory में बना रहता है।",
                         f"the weights changed correctly, but the function must return the loss as a Python number "
                         f"(float): loss.item(). Got a {type(got).__name__} — returning the tensor keeps the whole "
                         "graph in memory.")
        if abs(float(got) - expected) > 1e-5:
            return wrong(f"weights सही बदले, पर लौटाया गया loss {float(got):.5f} है, अपेक्षित {expected:.5f}: update से "
                         "*पहले* वाला loss लौटाइए।",
                         f"the weights changed correctly, but the returned loss is {float(got):.5f}, expected "
                         f"{expected:.5f}: return the loss computed *before* the update.")
    return ok("सही! forward → loss → zero_grad → backward → step: यही coursekit.fit के अंदर हर batch पर होता है।",
              "right! forward → loss → zero_grad → backward → step: this is what coursekit.fit does for every batch.")
