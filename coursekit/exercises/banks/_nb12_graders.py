"""Checkers and known-wrong answers of practice 12 (types of RNN): final states with packing (q19), the last real
output of a padded run (q20) and the greedy decoding loop (q21)."""
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ...i18n import T
from ..codecheck import Case
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong

# ------------------------------------------------------------------ q19: final states with packing

# (GRU layers, lengths, seed): unsorted lengths; two layers, so that h_n[0] is not the answer; an edge case with a
# full-length sequence (no pads) beside one of length 1.
FINAL_CONFIGS = (
    (1, (2, 6, 1, 4), 0),
    (2, (3, 1, 5, 5, 2), 1),
    (1, (6, 1), 2),
)


def _padded_example(lengths, seed):
    g = torch.Generator().manual_seed(seed)
    lengths = torch.tensor(lengths)
    x = torch.randn(len(lengths), 6, 3, generator=g)                   # (B, T=6, F=3)
    x[torch.arange(6)[None, :] >= lengths[:, None]] = 0.0                # zero pads at the end
    return x, lengths


def _grade_final_states(fn):
    """The learner's final_states(rnn, x, lengths) against each sequence run alone."""
    for layers, lengths, seed in FINAL_CONFIGS:
        torch.manual_seed(seed)
        rnn = nn.GRU(3, 5, num_layers=layers, batch_first=True)
        x, lengths = _padded_example(lengths, seed)
        B = len(lengths)
        with torch.no_grad():
            alone = torch.stack([rnn(x[i:i + 1, :n])[1][:, 0] for i, n in enumerate(lengths.tolist())], dim=1)
            truth = alone[-1]                                            # (B, 5): the last layer
            over_pads = rnn(x)[1][-1]
            got = fn(rnn, x.clone(), lengths.clone())
        if contains_placeholder(got):
            raise NotAttempted()
        got = to_cpu(got)[0]
        if not isinstance(got, torch.Tensor) or tuple(got.shape) != (B, 5):
            shape = tuple(got.shape) if isinstance(got, torch.Tensor) else type(got).__name__
            return wrong(f"({B}, 5) = (batch, hidden) shape का tensor लौटाइए: हर sequence की आख़िरी layer की final state "
                         f"(`h_n[-1]`); मिला {shape}।",
                         f"return a tensor of shape ({B}, 5) = (batch, hidden): each sequence's final state of the last "
                         f"layer (`h_n[-1]`); got {shape}.")
        got = got.detach().float()
        if torch.allclose(got, truth, atol=1e-5):
            continue
        short = [n for n in lengths.tolist() if n < 6]
        if torch.allclose(got, over_pads, atol=1e-5):
            return wrong(f"यह padded batch का `h_n` है: छोटे sequences (लंबाई {short}) की state pads पर चलकर बदल चुकी है। "
                         "पहले `pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)` चलाइए, फिर "
                         "packed sequence को RNN में दीजिए।",
                         f"this is the padded batch's `h_n`: the short sequences (lengths {short}) were changed by "
                         "running over their pads. First `pack_padded_sequence(x, lengths, batch_first=True, "
                         "enforce_sorted=False)`, then give the packed sequence to the RNN.")
        if layers > 1 and torch.allclose(got, alone[0], atol=1e-5):
            return wrong(f"यह पहली layer की state (`h_n[0]`) है; इस GRU में {layers} layers हैं। आख़िरी layer: `h_n[-1]`।",
                         f"this is the first layer's state (`h_n[0]`); this GRU has {layers} layers. The last layer: "
                         "`h_n[-1]`.")
        order = torch.argsort(lengths, descending=True, stable=True)
        if torch.allclose(got, truth[order], atol=1e-5):
            return wrong("States सही हैं, पर लंबाई के क्रम में (sort किया हुआ), batch के क्रम में नहीं। "
                         "`enforce_sorted=False` दीजिए — तब PyTorch `h_n` को batch के अपने क्रम में लौटाता है।",
                         "the states are right, but in order of length (sorted), not in the batch's order. Pass "
                         "`enforce_sorted=False` — then PyTorch returns `h_n` in the batch's own order.")
        rows = [i for i in range(B) if not torch.allclose(got[i], truth[i], atol=1e-5)]
        return wrong(f"lengths {lengths.tolist()}: rows {rows} हर sequence को अकेले चलाने से नहीं मिलतीं। Packed input पर "
                     "`h_n[-1]` लौटाइए (padded output sequence का आख़िरी step एक pad पर पड़ता है)।",
                     f"lengths {lengths.tolist()}: rows {rows} differ from running each sequence alone. Return "
                     "`h_n[-1]` of the packed run (the last step of the padded output sequence falls on a pad).")
    return ok("हर sequence की final state उसे अकेले चलाने के बराबर है (1e-5 तक), lengths क्रम में न हों और GRU में दो "
              "layers हों तब भी।",
              "every sequence's final state equals running it alone (to 1e-5), even with unsorted lengths and a "
              "two-layer GRU.")


def _wrong_over_the_pads(rnn, x, lengths):
    """A known-wrong answer: h_n of the padded batch."""
    return rnn(x)[1][-1]


def _wrong_first_layer(rnn, x, lengths):
    """A known-wrong answer: packs, but returns the first layer's state."""
    return rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))[1][0]


def _wrong_sorted_order(rnn, x, lengths):
    """A known-wrong answer: sorts the batch by length for packing and never puts the rows back."""
    order = torch.argsort(lengths, descending=True, stable=True)
    packed = pack_padded_sequence(x[order], lengths[order], batch_first=True)
    return rnn(packed)[1][-1]


def _wrong_padded_output_last(rnn, x, lengths):
    """A known-wrong answer: unpacks the output and takes its last step (a zero pad for the short rows)."""
    out, _ = pad_packed_sequence(rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))[0],
                                 batch_first=True, total_length=x.shape[1])
    return out[:, -1]


# ------------------------------------------------------------------ q20: last real output

_last_real_output = lambda out, lengths: out[torch.arange(out.shape[0]), torch.as_tensor(lengths) - 1]  # (B, H)


LAST_CASES = [
    Case((torch.arange(24.0).reshape(3, 4, 2), torch.tensor([2, 1, 3])),
         about=T("लंबाइयाँ 2, 1, 3 (हर row में pad)", "lengths 2, 1, 3 (a pad in every row)")),
    Case((torch.arange(24.0).reshape(3, 4, 2), torch.tensor([4, 1, 3])),
         about=T("लंबाइयाँ 4, 1, 3", "lengths 4, 1, 3")),
    Case((torch.arange(10.0).reshape(2, 5, 1), torch.tensor([5, 5])),
         about=T("दोनों पूरी लंबाई के", "both full length")),
    Case((torch.arange(12.0).reshape(1, 3, 4), torch.tensor([2])), about=T("एक sequence", "one sequence")),
]


def _grade_last_real_output(fn):
    """Compare with out[rows, lengths - 1]; name the rows that differ, and spot out[:, -1] and out[rows, lengths]."""
    for case in LAST_CASES:
        out, lengths = case.args
        got = fn(out.clone(), lengths.clone())
        if contains_placeholder(got):
            raise NotAttempted()
        got = to_cpu(got)[0]
        expected = _last_real_output(out, lengths)
        if not isinstance(got, torch.Tensor) or got.shape != expected.shape:
            shape = tuple(got.shape) if isinstance(got, torch.Tensor) else type(got).__name__
            hint = T(" `out[:, lengths - 1]` हर row से वे सारे steps लेता है; rows और steps दोनों को index कीजिए: "
                     "`out[rows, lengths - 1]`।",
                     " `out[:, lengths - 1]` takes all those steps from every row; index rows and steps together: "
                     "`out[rows, lengths - 1]`.") if isinstance(got, torch.Tensor) and got.dim() == 3 else T("", "")
            return wrong(f"{case.about.hi}: shape {tuple(expected.shape)} = (batch, hidden) का tensor चाहिए; मिला "
                         f"{shape}।{hint.hi}",
                         f"{case.about.en}: expected a tensor of shape {tuple(expected.shape)} = (batch, hidden); got "
                         f"{shape}.{hint.en}")
        got = got.detach().float()
        if torch.allclose(got, expected):
            continue
        rows = [i for i in range(len(got)) if not torch.allclose(got[i], expected[i])]
        if torch.equal(got, out[:, -1]):
            return wrong(f"{case.about.hi}: यह हर row का आख़िरी step (`out[:, -1]`) है; rows {rows} में वह एक pad है। "
                         "Row i से step `lengths[i] - 1` लीजिए।",
                         f"{case.about.en}: this is every row's last step (`out[:, -1]`); in rows {rows} that is a "
                         "pad. Take step `lengths[i] - 1` from row i.")
        if bool((lengths < out.shape[1]).all()) and torch.equal(got, out[torch.arange(len(out)), lengths]):
            return wrong(f"{case.about.hi}: आपने step `lengths[i]` लिया — असली आख़िरी token के बाद वाला pad। Steps 0 से "
                         "गिने जाते हैं: लंबाई n वाले sequence का आख़िरी step n − 1 है।",
                         f"{case.about.en}: you took step `lengths[i]` — the pad right after the real last token. "
                         "Steps count from 0: the last step of a length-n sequence is n − 1.")
        return wrong(f"{case.about.hi}: rows {rows} ग़लत हैं — row i का step `lengths[i] - 1` चाहिए (steps 0 से गिने "
                     "जाते हैं)।",
                     f"{case.about.en}: rows {rows} are wrong — row i needs step `lengths[i] - 1` (steps count "
                     "from 0).")
    return ok(f"सभी {len(LAST_CASES)} cases सही।", f"all {len(LAST_CASES)} cases pass.")


def _wrong_last_step(out, lengths):
    """A known-wrong answer: every row's last step, a pad for the short rows."""
    return out[:, -1]


def _wrong_step_lengths(out, lengths):
    """A known-wrong answer: off by one, step lengths[i] (an IndexError where a row has full length)."""
    return out[torch.arange(out.shape[0]), lengths]


def _wrong_all_rows(out, lengths):
    """A known-wrong answer: indexes the steps only, so every row gets every sequence's step: (B, B, H)."""
    return out[:, lengths - 1]


# ------------------------------------------------------------------ q21: greedy decoding

def counting_step(token, h):
    """A toy decoder step: the scores peak at token + 1, and at <eos> = 3 once the state h reaches 3."""
    h = h + 1
    logits = torch.zeros(10)
    logits[3 if h >= 3 else (token + 1) % 10] = 1.0
    return logits, h


def _greedy(step, h, bos, eos, max_len, *, feed_back=True, keep_bos=False, stop=True, keep_eos=True):
    """The greedy loop; the keyword switches give the known mistakes."""
    out, token = ([bos] if keep_bos else []), bos
    for _ in range(max_len):
        logits, h = step(token if feed_back else bos, h)
        token = int(torch.argmax(logits))
        if token == eos and stop:
            if keep_eos:
                out.append(token)
            break
        out.append(token)
    return out


def _wrong_greedy_bos_every_step(step, h, bos, eos, max_len):
    """A known-wrong answer: feeds <bos> at every step instead of its own previous output."""
    return _greedy(step, h, bos, eos, max_len, feed_back=False)


def _wrong_greedy_keeps_bos(step, h, bos, eos, max_len):
    """A known-wrong answer: the output starts with <bos>."""
    return _greedy(step, h, bos, eos, max_len, keep_bos=True)


def _wrong_greedy_never_stops(step, h, bos, eos, max_len):
    """A known-wrong answer: goes on after <eos> until max_len."""
    return _greedy(step, h, bos, eos, max_len, stop=False)


def _wrong_greedy_drops_eos(step, h, bos, eos, max_len):
    """A known-wrong answer: stops at <eos> without appending it."""
    return _greedy(step, h, bos, eos, max_len, keep_eos=False)


GREEDY_CASES = [
    Case((counting_step, 0, 5, 3, 10), about=T("तीसरे step पर <eos>: [6, 7, 3]", "<eos> at the third step: [6, 7, 3]")),
    Case((counting_step, -10, 5, 3, 4),
         about=T("<eos> कभी नहीं: max_len = 4 पर रुकना", "never <eos>: stop at max_len = 4")),
    Case((counting_step, 5, 5, 3, 10), about=T("पहले ही step पर <eos>: [3]", "<eos> at the first step: [3]")),
]

GREEDY_MISTAKES = [
    (_wrong_greedy_bos_every_step,
     T("हर step पर `bos` input में गया: अभी चुना हुआ token ही अगले step का input है।",
       "`bos` went in at every step: the token just chosen is the next step's input.")),
    (_wrong_greedy_keeps_bos,
     T("`bos` केवल शुरुआती input है, output का हिस्सा नहीं: list में केवल चुने हुए tokens आते हैं।",
       "`bos` is only the first input, not part of the output: the list holds only the chosen tokens.")),
    (_wrong_greedy_never_stops,
     T("`eos` चुनने के बाद loop रुकना चाहिए (`break`)।", "The loop must stop after choosing `eos` (`break`).")),
    (_wrong_greedy_drops_eos,
     T("`eos` को list में जोड़कर रुकिए: वह बताता है कि sequence यहीं ख़त्म हुआ।",
       "Append `eos` to the list, then stop: it says that the sequence ends here.")),
]
