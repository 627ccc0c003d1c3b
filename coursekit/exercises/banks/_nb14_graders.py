"""References, checkers and known-wrong answers of practice 14 (deep RNNs): counting a stacked RNN's parameters
(q6) and a stack's forward pass (q7)."""
import copy

import torch
from torch import nn

from ...i18n import T
from ...stacked import StackedRNN
from ..codecheck import Case
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong

# ------------------------------------------------------------------ q6: parameters of a stack


def _stacked_params(input_size, hidden_sizes):
    """Reference: parameters of separate nn.RNN layers, counted by PyTorch itself."""
    sizes = [input_size, *hidden_sizes]
    return sum(sum(p.numel() for p in nn.RNN(a, b).parameters()) for a, b in zip(sizes[:-1], sizes[1:]))


def _count(input_size, hidden_sizes, *, biases=2, recurrent=True, chain=True):
    """The per-layer formula H·I + H·H + biases·H; the switches give the known mistakes."""
    total, n_in = 0, input_size
    for H in hidden_sizes:
        total += H * n_in + (H * H if recurrent else 0) + biases * H
        n_in = H if chain else input_size
    return total


def _wrong_keras_count(input_size, hidden_sizes):
    """A known-wrong answer: Keras's count (one bias per layer)."""
    return _count(input_size, hidden_sizes, biases=1)


def _wrong_no_bias(input_size, hidden_sizes):
    """A known-wrong answer: the weights only."""
    return _count(input_size, hidden_sizes, biases=0)


def _wrong_same_input(input_size, hidden_sizes):
    """A known-wrong answer: every layer reads input_size features."""
    return _count(input_size, hidden_sizes, chain=False)


def _wrong_no_recurrent(input_size, hidden_sizes):
    """A known-wrong answer: forgets W_hh (H × H)."""
    return _count(input_size, hidden_sizes, recurrent=False)


STACK_CASES = [
    Case((50, [128, 64]), about=T("स्रोत नोट्स की दो recurrent layers: 23,040 + 12,416", "the source's two recurrent layers: "
                                                                                  "23,040 + 12,416")),
    Case((8, [16]), about=T("एक ही layer", "a single layer")),
    Case((10, [32, 32, 32]), about=T("3 layers, layer 2 और 3 का input 32 है", "3 layers; layers 2 and 3 read 32 features")),
    Case((3, [5, 7]), about=T("अलग-अलग hidden sizes", "different hidden sizes")),
]

STACK_MISTAKES = [
    (_wrong_keras_count, T("यह Keras की गिनती है (हर layer में एक bias)। PyTorch में दो biases हैं: b_ih और b_hh, यानी 2H।",
                           "That is Keras's count (one bias per layer). PyTorch has two biases, b_ih and b_hh: 2H.")),
    (_wrong_no_bias, T("Biases छूट गए: हर layer में 2H और जोड़िए (b_ih और b_hh)।",
                       "The biases are missing: add 2H per layer (b_ih and b_hh).")),
    (_wrong_same_input, T("हर layer `input_size` नहीं पढ़ती: पहली के बाद हर layer पिछली layer के H features पढ़ती है "
                          "(`n_in = H`)।",
                          "Not every layer reads `input_size`: after the first, each layer reads the previous layer's "
                          "H features (`n_in = H`).")),
    (_wrong_no_recurrent, T("Recurrent weights W_hh (H × H) छूट गए: हर layer में H·H और जोड़िए।",
                            "The recurrent weights W_hh (H × H) are missing: add H·H per layer.")),
]


# ------------------------------------------------------------------ q7: a stacked forward pass

# (input size, batch, time steps): equal input and hidden sizes first (so that a layer given the raw input still
# runs), the source-like sizes, and an edge case of one sample and one step.
STACK_CONFIGS = ((8, 3, 5), (5, 4, 6), (5, 1, 1))


def _grade_stack_forward(fn):
    """stack_forward(layers, x) against nn.RNN(num_layers=3) with the same weights, on three inputs."""
    for k, (n_in, B, T_) in enumerate(STACK_CONFIGS):
        torch.manual_seed(k)
        multi = nn.RNN(n_in, 8, num_layers=3, batch_first=True)
        layers = list(StackedRNN(n_in, [8, 8, 8]).load_from(multi).layers)
        x = torch.randn(B, T_, n_in)
        with torch.no_grad():
            expected = multi(x)[0]                                  # (B, T, 8)
            only_first = layers[0](x)[0]
            raw_input = reversed_order = None
            if n_in == 8:                                           # mistakes that run only with equal sizes
                raw_input, reversed_order = layers[-1](x)[0], x
                for layer in reversed(layers):
                    reversed_order = layer(reversed_order)[0]
            got = fn(copy.deepcopy(layers), x.clone())
        if contains_placeholder(got):
            raise NotAttempted()
        got = to_cpu(got)[0]
        if not isinstance(got, torch.Tensor):
            return wrong(f"एक tensor लौटाइए (सबसे ऊपर की layer का output sequence); मिला {type(got).__name__}।",
                         f"return a tensor (the top layer's output sequence); got a {type(got).__name__}.")
        want = (B, T_, 8)
        if T_ > 1 and tuple(got.shape) in ((B, 8), (1, B, 8), (B, 1, 8)):
            return wrong(f"आपने केवल आख़िरी अवस्था लौटाई (या h_n); पूरा output sequence (batch, time, hidden) = {want} चाहिए, "
                         "और अगली layer को भी पूरा sequence मिलना चाहिए।",
                         f"you returned only the last state (or h_n); the whole output sequence (batch, time, hidden) = "
                         f"{want} is wanted, and the next layer must get the whole sequence too.")
        if tuple(got.shape) != want:
            return wrong(f"shape (batch, time, hidden) = {want} होना चाहिए; मिला {tuple(got.shape)}।",
                         f"the shape should be (batch, time, hidden) = {want}; got {tuple(got.shape)}.")
        got = got.detach().float()
        if torch.allclose(got, expected, atol=1e-5):
            continue
        if torch.allclose(got, only_first, atol=1e-5):
            return wrong("यह केवल पहली layer का output है: हर layer का output अगली layer का input बनना चाहिए — loop के "
                         "बाद return कीजिए।",
                         "that is the output of the first layer only: each layer's output must become the next layer's "
                         "input — return after the loop.")
        if raw_input is not None and torch.allclose(got, raw_input, atol=1e-5):
            return wrong("हर layer ने मूल input x पढ़ा: layer 2 और 3 को नीचे वाली layer का output sequence मिलना चाहिए "
                         "(`x, _ = layer(x)`)।",
                         "every layer read the original input x: layers 2 and 3 must get the output sequence of the "
                         "layer below (`x, _ = layer(x)`).")
        if reversed_order is not None and torch.allclose(got, reversed_order, atol=1e-5):
            return wrong("Layers उलटे क्रम में चलीं: `layers[0]` सबसे नीचे है और input सबसे पहले वही पढ़ती है।",
                         "the layers ran in reverse order: `layers[0]` is the bottom layer and reads the input first.")
        return wrong(f"input {tuple(x.shape)} पर output nn.RNN(num_layers=3) से नहीं मिलता। हर layer: `x, _ = layer(x)` — "
                     "layer एक tuple लौटाती है, जिसका पहला हिस्सा पूरा sequence है।",
                     f"for an input of shape {tuple(x.shape)} the output differs from nn.RNN(num_layers=3). For each "
                     "layer: `x, _ = layer(x)` — a layer returns a tuple whose first part is the whole sequence.")
    return ok("आपका stack तीनों inputs पर nn.RNN(num_layers=3) के बराबर है: हर layer ने नीचे वाली का पूरा sequence पढ़ा।",
              "your stack equals nn.RNN(num_layers=3) on all three inputs: every layer read the whole sequence of the "
              "layer below.")


def _wrong_last_state_stack(layers, x):
    """A known-wrong answer: hands only the last state upwards."""
    out = x
    for layer in layers:
        out = layer(out)[0][:, -1:]          # (B, 1, H): only the last step goes up
    return out


def _wrong_first_layer_only(layers, x):
    """A known-wrong answer: returns inside the loop, after the first layer."""
    for layer in layers:
        x, _ = layer(x)
        return x


def _wrong_every_layer_reads_x(layers, x):
    """A known-wrong answer: every layer reads the original input."""
    out = x
    for layer in layers:
        out, _ = layer(x)
    return out


def _wrong_reversed(layers, x):
    """A known-wrong answer: runs the layers from the top down."""
    for layer in reversed(layers):
        x, _ = layer(x)
    return x
