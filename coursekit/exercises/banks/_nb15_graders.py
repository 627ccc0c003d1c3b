"""Checkers and known-wrong answers of practice 15 (LSTM and GRU): one LSTM step against nn.LSTMCell (q2) and the
parameter count of nn.GRU (q3)."""
import itertools

import torch
from torch import nn

from ...i18n import T
from ..codecheck import Case
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong

ORDER = "ifgo"


# ------------------------------------------------------------------ q2: one LSTM step

def _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh, order=ORDER, tanh_c=True, use_b_hh=True, g_act=torch.tanh,
                  new_c_in_h=True):
    """An LSTM step whose four row blocks are read in ``order``; the other switches give the known mistakes."""
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + (b_hh if use_b_hh else 0)
    blocks = dict(zip(order, gates.chunk(4, dim=1)))
    i, f, g, o = torch.sigmoid(blocks["i"]), torch.sigmoid(blocks["f"]), g_act(blocks["g"]), torch.sigmoid(blocks["o"])
    c_new = f * c + i * g
    c_out = c_new if new_c_in_h else c
    return o * (torch.tanh(c_out) if tanh_c else c_out), c_new


def _wrong_order_figo(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: reads the blocks as f, i, g, o."""
    return _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh, order="figo")


def _wrong_order_ifog(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: reads the blocks as i, f, o, g (the order of many textbooks)."""
    return _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh, order="ifog")


def _wrong_sigmoid_candidate(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: the candidate g through a sigmoid, like the three gates."""
    return _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh, g_act=torch.sigmoid)


def _wrong_no_tanh_c(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: h_new = o ⊙ c_new, without the tanh."""
    return _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh, tanh_c=False)


def _wrong_swapped(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: returns (c_new, h_new)."""
    return _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh)[::-1]


def _wrong_no_b_hh(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """A known-wrong answer: adds b_ih only."""
    return _lstm_variant(x, h, c, W_ih, W_hh, b_ih, b_hh, use_b_hh=False)


_same = lambda got, exp: bool(torch.allclose(got[0], exp[0], atol=1e-6) and torch.allclose(got[1], exp[1], atol=1e-6))


_KNOWN_STEP_MISTAKES = [
    (dict(g_act=torch.sigmoid), T("candidate g पर tanh लगता है, sigmoid नहीं: वह −1 से 1 तक का नया मान है, gate नहीं।",
                                   "the candidate g goes through tanh, not sigmoid: it is a new value between −1 and 1, "
                                   "not a gate.")),
    (dict(tanh_c=False), T("c_new सही है, पर h_new = o ⊙ tanh(c_new) है — tanh छूट गया।",
                           "c_new is right, but h_new = o ⊙ tanh(c_new) — the tanh is missing.")),
    (dict(new_c_in_h=False), T("h_new में नए c का tanh लगता है: h_new = o ⊙ tanh(c_new), पुराने c का नहीं।",
                               "h_new takes the tanh of the new cell state: h_new = o ⊙ tanh(c_new), not of the old c.")),
    (dict(use_b_hh=False), T("bias b_hh नहीं जुड़ा: PyTorch में दोनों biases जुड़ते हैं (b_ih + b_hh)।",
                             "the bias b_hh is missing: PyTorch adds both biases (b_ih + b_hh).")),
]


def _grade_lstm_step(fn):
    """lstm_step(x, h, c, W_ih, W_hh, b_ih, b_hh) -> (h_new, c_new), against nn.LSTMCell in float64."""
    for n_in, H, B in ((3, 4, 2), (5, 2, 1), (1, 6, 3)):
        torch.manual_seed(n_in * 10 + H)
        cell = nn.LSTMCell(n_in, H).double()
        args = (torch.randn(B, n_in, dtype=torch.float64), torch.randn(B, H, dtype=torch.float64),
                torch.randn(B, H, dtype=torch.float64), cell.weight_ih.detach().clone(), cell.weight_hh.detach().clone(),
                cell.bias_ih.detach().clone(), cell.bias_hh.detach().clone())
        with torch.no_grad():
            expected = cell(args[0], (args[1], args[2]))
            out = fn(*(a.clone() for a in args))
        if contains_placeholder(out):
            raise NotAttempted()
        if not (isinstance(out, (tuple, list)) and len(out) == 2):
            return wrong("function को दो tensors लौटाने हैं: (h_new, c_new)।",
                         "the function must return two tensors: (h_new, c_new).")
        got = tuple(torch.as_tensor(to_cpu(v)[0]).detach().double() for v in out)
        if got[0].shape != (B, H) or got[1].shape != (B, H):
            return wrong(f"h_new और c_new दोनों का shape (batch, hidden) = {(B, H)} होना चाहिए; मिला {tuple(got[0].shape)} "
                         f"और {tuple(got[1].shape)}।",
                         f"h_new and c_new must both have shape (batch, hidden) = {(B, H)}; got {tuple(got[0].shape)} "
                         f"and {tuple(got[1].shape)}.")
        if _same(got, expected):
            continue
        if _same(got[::-1], expected):
            return wrong("h और c उलटे लौटे: क्रम (h_new, c_new) है, जैसे nn.LSTMCell में।",
                         "h and c came back swapped: the order is (h_new, c_new), as in nn.LSTMCell.")
        for order in ("".join(p) for p in itertools.permutations(ORDER)):
            if order != ORDER and _same(got, _lstm_variant(*args, order=order)):
                return wrong(f"आपने चार blocks को {', '.join(order)} क्रम में पढ़ा। PyTorch में rows का क्रम i, f, g, o है "
                             "(forget gate दूसरा block है)।",
                             f"you read the four blocks in the order {', '.join(order)}. PyTorch's row order is "
                             "i, f, g, o (the forget gate is the second block).")
        for switches, why in _KNOWN_STEP_MISTAKES:
            if _same(got, _lstm_variant(*args, **switches)):
                return wrong(why.hi, why.en)
        if torch.allclose(got[1], expected[1], atol=1e-6):
            return wrong("c_new सही है, h_new नहीं: h_new = o ⊙ tanh(c_new), जहाँ o = σ(चौथा block)।",
                         "c_new is right but h_new is not: h_new = o ⊙ tanh(c_new), with o = σ(fourth block).")
        diff = max((g - e).abs().max().item() for g, e in zip(got, expected))
        return wrong(f"I={n_in}, H={H}, batch={B} पर आपका नतीजा nn.LSTMCell से नहीं मिलता (सबसे बड़ा अंतर {diff:.3g})। "
                     "समीकरण देखिए: g = tanh, बाक़ी तीन sigmoid; c_new = f ⊙ c + i ⊙ g।",
                     f"for I={n_in}, H={H}, batch={B} your result differs from nn.LSTMCell (largest difference "
                     f"{diff:.3g}). Check the equations: g uses tanh, the other three sigmoid; c_new = f ⊙ c + i ⊙ g.")
    return ok("आपका LSTM step तीनों आकारों पर nn.LSTMCell के बराबर है।",
              "your LSTM step equals nn.LSTMCell for all three sizes.")


# ------------------------------------------------------------------ q3: parameters of nn.GRU

def _gru_count(input_size, hidden_size, num_layers=1, bidirectional=False, *, blocks=3, biases=2, chain_dirs=True,
               count_dirs=True, chain=True):
    """blocks · (H·(n_in + H) + biases·H) per layer and direction; the switches give the known mistakes."""
    d = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        n_in = input_size if layer == 0 or not chain else (d if chain_dirs else 1) * hidden_size
        total += (d if count_dirs else 1) * blocks * (hidden_size * (n_in + hidden_size) + biases * hidden_size)
    return total


def _wrong_keras_gru(input_size, hidden_size, num_layers=1, bidirectional=False):
    """A known-wrong answer: one bias per block and the input size of every layer taken as input_size."""
    return _gru_count(input_size, hidden_size, num_layers, bidirectional, biases=1, chain=False)


def _wrong_one_bias(input_size, hidden_size, num_layers=1, bidirectional=False):
    """A known-wrong answer: one bias per block."""
    return _gru_count(input_size, hidden_size, num_layers, bidirectional, biases=1)


def _wrong_layer2_ignores_directions(input_size, hidden_size, num_layers=1, bidirectional=False):
    """A known-wrong answer: layer 2 reads H features even when the layer below is bidirectional."""
    return _gru_count(input_size, hidden_size, num_layers, bidirectional, chain_dirs=False)


def _wrong_lstm_blocks(input_size, hidden_size, num_layers=1, bidirectional=False):
    """A known-wrong answer: four blocks, as in an LSTM."""
    return _gru_count(input_size, hidden_size, num_layers, bidirectional, blocks=4)


GRU_CASES = [
    Case((10, 20), about=T("3 · (20·10 + 20·20 + 2·20) = 1,920", "3 · (20·10 + 20·20 + 2·20) = 1,920")),
    Case((50, 128), about=T("स्रोत नोट्स के आकार (input 50, hidden 128)", "the sizes in the source notes (input 50, hidden 128)")),
    Case((10, 20, 2), about=T("layer 2 का input 20 features है, 10 नहीं", "layer 2's input has 20 features, not 10")),
    Case((8, 16, 2), {"bidirectional": True}, about=T("bidirectional: हर layer में दो दिशाएँ, और layer 2 का input 2·16",
                                   "bidirectional: two directions per layer, and layer 2's input is 2·16")),
    Case((1, 1, 3), {"bidirectional": True}, about=T("सबसे छोटे आकार, 3 bidirectional layers", "the smallest sizes, 3 bidirectional layers")),
]

GRU_MISTAKES = [
    (_wrong_keras_gru, T("हर block में दो biases हैं (b_ih और b_hh), और layer 2 से आगे input पिछली layer का output है।",
                         "Every block has two biases (b_ih and b_hh), and from layer 2 on the input is the previous "
                         "layer's output.")),
    (_wrong_one_bias, T("हर block में दो biases हैं (b_ih और b_hh): 2H, H नहीं।",
                        "Every block has two biases (b_ih and b_hh): 2H, not H.")),
    (_wrong_layer2_ignores_directions, T("Bidirectional में नीचे वाली layer दोनों दिशाओं के outputs साथ-साथ "
                                         "(concatenate करके) देती है: layer 2 का input 2·H features है।",
                                         "With bidirectional the layer below hands up both directions side by side: "
                                         "layer 2 reads 2·H features.")),
    (_wrong_lstm_blocks, T("GRU में 3 blocks हैं (r, z, n); 4 blocks LSTM में होते हैं।",
                           "A GRU has 3 blocks (r, z, n); 4 blocks is an LSTM.")),
]
