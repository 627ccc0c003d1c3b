"""The types of recurrent network, named by what goes in and what comes out.

Introduced in notebook 12. Every module is batch-first (``B`` = batch, ``T`` = time steps):

=================  ====================================  =============================================
module             input                                 output
=================  ====================================  =============================================
OneToOne           x (B, F)                              logits (B, C)         — no recurrence at all
OneToMany          x (B, F)                              tokens (B, L) (greedy), logits (B, T, V) (training)
ManyToOne          x (B, T) tokens or (B, T, F), lengths logits (B, C)
ManyToManyTagger   x (B, T) tokens, lengths              logits (B, T, K)      — one tag per step
Seq2Seq            src (B, S), lengths; targets (B, T)   logits (B, T, V); tokens (B, L) (greedy)
=================  ====================================  =============================================

A batch of sequences of different lengths is padded at the end (``coursekit.text.pad_batch``), and
``lengths`` holds each sequence's true length. ``run_packed`` packs the batch, so that the RNN stops at
each sequence's own end; ``final_hidden_states`` shows what goes wrong without packing.
The decoders of ``OneToMany`` (image captioning) and ``Seq2Seq`` (translation) are the same recurrent
``Decoder``: trained with teacher forcing, run with a greedy loop that feeds back its own output.
The diagrams of the five types are ``coursekit.rnntypeplots`` (``plot_rnn_type``, ``plot_rnn_types``; also
importable from here).
"""
from __future__ import annotations

import unicodedata

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .i18n import CourseError
from .rnntypeplots import KINDS, plot_rnn_type, plot_rnn_types  # noqa: F401  (notebook 12 imports them from here)

CELLS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}
PAD_INDEX, UNK_INDEX, BOS_INDEX, EOS_INDEX = 0, 1, 2, 3   # as in Vocab(specials=(PAD, UNK, BOS, EOS))


# ------------------------------------------------------------------ checks

def _make_rnn(cell: str, n_in: int, hidden: int, **kw) -> nn.RNNBase:
    if cell not in CELLS:
        raise CourseError(f"cell इनमें से एक होना चाहिए: {sorted(CELLS)}; मिला {cell!r}।",
                          f"cell must be one of {sorted(CELLS)}; got {cell!r}.")
    return CELLS[cell](n_in, hidden, batch_first=True, **kw)


def _check_lengths(lengths, batch: int, steps: int) -> torch.Tensor:
    """lengths → a CPU LongTensor (B,) with 1 ≤ length ≤ T (what pack_padded_sequence needs)."""
    lengths = torch.as_tensor(lengths)
    if lengths.dim() != 1 or lengths.numel() != batch or lengths.is_floating_point():
        raise CourseError(
            f"lengths में हर sequence की असली लंबाई होती है: पूर्णांकों का 1-D tensor, shape ({batch},) (batch); "
            f"मिला shape {tuple(lengths.shape)}, dtype {lengths.dtype}।",
            f"lengths holds each sequence's true length: a 1-D tensor of integers of shape ({batch},) (batch); "
            f"got shape {tuple(lengths.shape)}, dtype {lengths.dtype}.")
    lo, hi = int(lengths.min()), int(lengths.max())
    if lo < 1 or hi > steps:
        raise CourseError(f"हर लंबाई 1 से {steps} (padded batch की लंबाई T) के बीच होनी चाहिए; मिली {lo}…{hi}।",
                          f"every length must be between 1 and {steps} (the padded length T); got {lo}…{hi}.")
    return lengths.to("cpu", torch.long)


def _last_layer(h_n, bidirectional: bool) -> torch.Tensor:
    """h_n (layers·D, B, H) (a tuple (h, c) for an LSTM) → the last layer's state (B, H·D)."""
    h = h_n[0] if isinstance(h_n, tuple) else h_n
    return torch.cat([h[-2], h[-1]], dim=-1) if bidirectional else h[-1]


class _Inputs(nn.Module):
    """Token indices (B, T) → embeddings (B, T, E), or float features (B, T, F) passed through."""

    def __init__(self, vocab_size: int | None, in_features: int | None, emb_dim: int, pad_index: int):
        super().__init__()
        if (vocab_size is None) == (in_features is None):
            raise CourseError("इनमें से ठीक एक दीजिए: vocab_size (input token indices हैं) या in_features (input "
                              "float vectors हैं)।",
                              "give exactly one of vocab_size (the inputs are token indices) or in_features (the "
                              "inputs are float vectors).")
        self.vocab_size, self.in_features = vocab_size, in_features
        self.embed = nn.Embedding(vocab_size, emb_dim, padding_idx=pad_index) if vocab_size else None
        self.size = emb_dim if vocab_size else in_features
        # an empty buffer follows .double()/.to(): features are cast to the model's dtype (not in the state_dict)
        self.register_buffer("_like", torch.zeros(0), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.embed is not None:
            if x.dim() != 2 or x.is_floating_point():
                raise CourseError(f"token input का shape (batch, time) और dtype long (indices) होना चाहिए; मिला "
                                  f"shape {tuple(x.shape)}, dtype {x.dtype}।",
                                  f"token input must have shape (batch, time) and dtype long (indices); got shape "
                                  f"{tuple(x.shape)}, dtype {x.dtype}.")
            if x.numel() and (x.min() < 0 or x.max() >= self.vocab_size):
                raise CourseError(f"हर token index 0 से {self.vocab_size - 1} के बीच होना चाहिए।",
                                  f"every token index must be between 0 and {self.vocab_size - 1}.")
            return self.embed(x)                                  # (B, T) -> (B, T, E)
        if x.dim() != 3 or x.shape[-1] != self.in_features:
            raise CourseError(f"feature input का shape (batch, time, {self.in_features}) होना चाहिए; मिला "
                              f"{tuple(x.shape)}।",
                              f"feature input must have shape (batch, time, {self.in_features}); got {tuple(x.shape)}.")
        return x.to(self._like.dtype)                                  # the dtype of the model's weights


# ------------------------------------------------------------------ packing

def run_packed(rnn: nn.RNNBase, x: torch.Tensor, lengths=None):
    """Run a batch-first ``nn.RNN``/``GRU``/``LSTM`` over a padded batch, each sequence only up to its length.

    x (B, T, F) padded at the end, lengths (B,) → outputs (B, T, H·D) with zeros at the pad positions,
    and h_n (layers·D, B, H) taken at each sequence's own last step (D = 2 if bidirectional).
    ``lengths=None`` means every sequence fills all T steps (no packing needed).
    """
    if lengths is None:
        return rnn(x)
    lengths = _check_lengths(lengths, x.shape[0], x.shape[1])
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)   # no sorting needed
    out, h_n = rnn(packed)                       # h_n comes back in the batch's own order
    out, _ = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])      # (B, T, H·D)
    return out, h_n


@torch.no_grad()
def final_hidden_states(rnn: nn.RNNBase, x: torch.Tensor, lengths) -> dict[str, torch.Tensor]:
    """The last layer's final hidden state of every sequence in a padded batch, computed four ways.

    x (B, T, F) padded at the end, lengths (B,). Every value is (B, H·D):

    * ``"one_by_one"``: each sequence run alone, without its pads — the truth;
    * ``"packed"``: the whole batch through ``pack_padded_sequence`` — equal to the truth;
    * ``"padded"``: h_n of the padded batch — wrong for every short sequence: the RNN kept going over its pads;
    * ``"padded_gathered"``: the padded batch's outputs read at step length−1 (for a bidirectional RNN the
      backward half at step 0) — right for a one-directional RNN, still wrong for a bidirectional one,
      whose backward direction started on the pads.
    """
    bi = rnn.bidirectional
    lengths = _check_lengths(lengths, x.shape[0], x.shape[1])
    alone = [_last_layer(rnn(x[i:i + 1, :n])[1], bi)[0] for i, n in enumerate(lengths.tolist())]
    out, h_n = rnn(x)                                               # (B, T, H·D), padded run
    rows = torch.arange(x.shape[0])
    gathered = out[rows, lengths - 1]                               # (B, H·D): step length−1 of each row
    if bi:
        half = rnn.hidden_size
        gathered = torch.cat([gathered[:, :half], out[:, 0, half:]], dim=-1)
    return {"one_by_one": torch.stack(alone), "packed": _last_layer(run_packed(rnn, x, lengths)[1], bi),
            "padded": _last_layer(h_n, bi), "padded_gathered": gathered}


# ------------------------------------------------------------------ the five types

class OneToOne(nn.Module):
    """One input, one output: x (B, F) → logits (B, C). One RNN step from h₀ = 0 — a plain feed-forward layer.

    With h₀ = 0 the step h₁ = tanh(W_ih x + b_ih + W_hh·0 + b_hh) never uses W_hh: there is no recurrence,
    this is an ordinary one-hidden-layer network (an image classifier is one-to-one, and needs no RNN).
    """

    def __init__(self, in_features: int, num_classes: int, hidden: int = 32):
        super().__init__()
        self.cell = nn.RNNCell(in_features, hidden)          # tanh
        self.head = nn.Linear(hidden, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (B, F) → logits (B, C)."""
        if x.dim() != 2 or x.shape[1] != self.cell.input_size:
            raise CourseError(f"OneToOne को हर example के लिए एक vector चाहिए: shape (batch, {self.cell.input_size}); "
                              f"मिला {tuple(x.shape)}।",
                              f"OneToOne takes one vector per example: shape (batch, {self.cell.input_size}); got "
                              f"{tuple(x.shape)}.")
        h = self.cell(x)                                     # h0 = 0: (B, F) -> (B, H)
        return self.head(h)                                  # (B, C)


class Decoder(nn.Module):
    """The recurrent decoder that writes a sequence of tokens, one per step, from a starting state.

    Shared by ``OneToMany`` (the state comes from an image vector) and ``Seq2Seq`` (the state is the
    encoder's final hidden state). Training uses *teacher forcing*: the input at step t is the true token
    t−1 (``<bos>`` at step 0). Generation is *greedy*: the input at step t is the decoder's own choice
    at step t−1 — the output is fed back in, which is why the decoder must be recurrent.
    """

    def __init__(self, vocab_size: int, hidden: int, emb_dim: int, cell: str = "gru", bos_index: int = BOS_INDEX,
                 eos_index: int = EOS_INDEX, pad_index: int = PAD_INDEX):
        super().__init__()
        for name, index in (("bos_index", bos_index), ("eos_index", eos_index), ("pad_index", pad_index)):
            if not isinstance(index, int) or not 0 <= index < vocab_size:
                raise CourseError(f"{name} vocabulary का एक index (0 से {vocab_size - 1}) होना चाहिए; मिला {index!r}।",
                                  f"{name} must be an index of the vocabulary (0 to {vocab_size - 1}); got {index!r}.")
        self.embed = nn.Embedding(vocab_size, emb_dim, padding_idx=pad_index)
        self.rnn = _make_rnn(cell, emb_dim, hidden)
        self.head = nn.Linear(hidden, vocab_size)
        self.bos, self.eos, self.pad = bos_index, eos_index, pad_index

    def forward(self, state, targets: torch.Tensor) -> torch.Tensor:
        """Teacher forcing. state (1, B, H) (a pair for an LSTM), targets (B, T) ending in <eos>, then <pad>
        → logits (B, T, V) for every target position (the loss should ignore <pad>)."""
        if targets.dim() != 2 or targets.is_floating_point():
            raise CourseError(f"targets token indices हैं: shape (batch, time), dtype long; मिला {tuple(targets.shape)}, "
                              f"{targets.dtype}।",
                              f"targets are token indices: shape (batch, time), dtype long; got {tuple(targets.shape)}, "
                              f"{targets.dtype}.")
        bos = torch.full_like(targets[:, :1], self.bos)          # (B, 1)
        inputs = torch.cat([bos, targets[:, :-1]], dim=1)        # (B, T): the targets shifted right
        out, _ = self.rnn(self.embed(inputs), state)             # (B, T, H)
        return self.head(out)                                    # (B, T, V)

    @torch.no_grad()
    def generate(self, state, max_len: int = 20) -> tuple[torch.Tensor, torch.Tensor]:
        """Greedy decoding from state (1, B, H) → tokens (B, L), lengths (B,).

        Each sequence stops at its first <eos> (kept, and counted in its length); after it come <pad>s.
        The loop ends when every sequence has stopped, or after ``max_len`` steps (L ≤ max_len; a sequence
        without <eos> then has length max_len). <pad> and <bos> are never chosen.
        """
        if not isinstance(max_len, int) or max_len < 1:
            raise CourseError(f"max_len एक धनात्मक पूर्णांक होना चाहिए; मिला {max_len!r}।",
                              f"max_len must be a positive integer; got {max_len!r}.")
        h = state[0] if isinstance(state, tuple) else state
        batch = h.shape[1]
        token = torch.full((batch, 1), self.bos, dtype=torch.long, device=h.device)   # (B, 1)
        done = torch.zeros(batch, dtype=torch.bool, device=h.device)
        lengths = torch.zeros(batch, dtype=torch.long, device=h.device)
        steps = []
        for _ in range(max_len):
            out, state = self.rnn(self.embed(token), state)      # (B, 1, H)
            logits = self.head(out[:, 0])                        # (B, V)
            logits[:, [self.pad, self.bos]] = float("-inf")
            token = logits.argmax(-1, keepdim=True)              # (B, 1): the most likely next token
            token = token.masked_fill(done[:, None], self.pad)   # finished sequences only get <pad>
            lengths += (~done).long()
            done |= token[:, 0] == self.eos
            steps.append(token)
            if done.all():
                break
        return torch.cat(steps, dim=1), lengths                  # (B, L), (B,)


class OneToMany(nn.Module):
    """One input, many outputs: a vector x (B, F) → a sequence of tokens (image captioning, music from a seed).

    The vector sets the decoder's first hidden state, h₀ = tanh(W x + b); then the recurrent ``Decoder``
    writes one token per step, feeding each chosen token back in as the next input.
    """

    def __init__(self, in_features: int, vocab_size: int, hidden: int = 64, emb_dim: int = 32, cell: str = "gru",
                 bos_index: int = BOS_INDEX, eos_index: int = EOS_INDEX, pad_index: int = PAD_INDEX):
        super().__init__()
        self.init_state = nn.Linear(in_features, hidden)
        self.decoder = Decoder(vocab_size, hidden, emb_dim, cell, bos_index, eos_index, pad_index)

    def _state(self, x: torch.Tensor):
        if x.dim() != 2 or x.shape[1] != self.init_state.in_features:
            raise CourseError(f"OneToMany का input हर example के लिए एक vector है: shape (batch, "
                              f"{self.init_state.in_features}); मिला {tuple(x.shape)}।",
                              f"OneToMany takes one vector per example: shape (batch, {self.init_state.in_features}); "
                              f"got {tuple(x.shape)}.")
        h0 = torch.tanh(self.init_state(x.to(self.init_state.weight.dtype))).unsqueeze(0)          # (1, B, H)
        return (h0, torch.zeros_like(h0)) if isinstance(self.decoder.rnn, nn.LSTM) else h0

    def forward(self, x: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        """Training (teacher forcing): x (B, F), targets (B, T) → logits (B, T, V)."""
        return self.decoder(self._state(x), targets)

    def generate(self, x: torch.Tensor, max_len: int = 20) -> tuple[torch.Tensor, torch.Tensor]:
        """Greedy decoding: x (B, F) → tokens (B, L ≤ max_len), lengths (B,) (see ``Decoder.generate``)."""
        return self.decoder.generate(self._state(x), max_len)


class ManyToOne(nn.Module):
    """Many inputs, one output: a sequence → one label (sentiment, spam, a video's activity, tomorrow's price).

    x (B, T) token indices (give ``vocab_size``) or (B, T, F) features (give ``in_features``), lengths (B,)
    → logits (B, C), computed from the final hidden state at each sequence's own last step (packing).
    """

    def __init__(self, num_classes: int, hidden: int = 64, *, vocab_size: int | None = None,
                 in_features: int | None = None, emb_dim: int = 32, cell: str = "gru", num_layers: int = 1,
                 bidirectional: bool = False, pad_index: int = PAD_INDEX):
        super().__init__()
        self.inputs = _Inputs(vocab_size, in_features, emb_dim, pad_index)
        self.rnn = _make_rnn(cell, self.inputs.size, hidden, num_layers=num_layers, bidirectional=bidirectional)
        self.head = nn.Linear(hidden * (2 if bidirectional else 1), num_classes)

    def forward(self, x: torch.Tensor, lengths=None) -> torch.Tensor:
        """x (B, T) or (B, T, F), lengths (B,) or None (all full) → logits (B, C)."""
        _, h_n = run_packed(self.rnn, self.inputs(x), lengths)           # h_n (layers·D, B, H)
        return self.head(_last_layer(h_n, self.rnn.bidirectional))       # (B, H·D) -> (B, C)


class ManyToManyTagger(nn.Module):
    """Many to many, the same length: one output per input step (part-of-speech tags, named entities).

    x (B, T) token indices (or (B, T, F) features), lengths (B,) → logits (B, T, K), one row of K tag
    scores per step; the rows at pad positions are meaningless and the loss must ignore them.
    """

    def __init__(self, num_tags: int, hidden: int = 64, *, vocab_size: int | None = None,
                 in_features: int | None = None, emb_dim: int = 32, cell: str = "gru", bidirectional: bool = True,
                 pad_index: int = PAD_INDEX):
        super().__init__()
        self.inputs = _Inputs(vocab_size, in_features, emb_dim, pad_index)
        self.rnn = _make_rnn(cell, self.inputs.size, hidden, bidirectional=bidirectional)
        self.head = nn.Linear(hidden * (2 if bidirectional else 1), num_tags)

    def forward(self, x: torch.Tensor, lengths=None) -> torch.Tensor:
        """x (B, T) or (B, T, F), lengths (B,) or None → logits (B, T, K)."""
        out, _ = run_packed(self.rnn, self.inputs(x), lengths)           # (B, T, H·D)
        return self.head(out)                                            # (B, T, K)


class Seq2Seq(nn.Module):
    """Many to many, different lengths: an encoder RNN reads the whole input, a decoder RNN writes the output.

    The encoder's final hidden state (the *context vector*, packed so that pads do not touch it) is the
    decoder's first state. src (B, S) tokens (give ``src_vocab_size``) or (B, S, F) features such as video
    frames (give ``in_features``); the output sequence may be shorter or longer than the input.
    """

    def __init__(self, tgt_vocab_size: int, hidden: int = 64, *, src_vocab_size: int | None = None,
                 in_features: int | None = None, emb_dim: int = 32, cell: str = "gru", bos_index: int = BOS_INDEX,
                 eos_index: int = EOS_INDEX, pad_index: int = PAD_INDEX):
        super().__init__()
        self.inputs = _Inputs(src_vocab_size, in_features, emb_dim, pad_index)
        self.encoder = _make_rnn(cell, self.inputs.size, hidden)
        self.decoder = Decoder(tgt_vocab_size, hidden, emb_dim, cell, bos_index, eos_index, pad_index)

    def encode(self, src: torch.Tensor, src_lengths=None):
        """src (B, S) or (B, S, F), lengths (B,) → the context: the encoder's final state (1, B, H)."""
        _, state = run_packed(self.encoder, self.inputs(src), src_lengths)
        return state

    def forward(self, src: torch.Tensor, src_lengths, targets: torch.Tensor) -> torch.Tensor:
        """Training (teacher forcing): src (B, S), src_lengths (B,), targets (B, T) → logits (B, T, V)."""
        return self.decoder(self.encode(src, src_lengths), targets)

    def generate(self, src: torch.Tensor, src_lengths=None, max_len: int = 20) -> tuple[torch.Tensor, torch.Tensor]:
        """Greedy decoding: src (B, S), src_lengths (B,) → tokens (B, L ≤ max_len), lengths (B,)."""
        return self.decoder.generate(self.encode(src, src_lengths), max_len)


# ------------------------------------------------------------------ small data helpers

def parse_tagged(line: str) -> tuple[list[str], list[str]]:
    """"Savani/PROPN is/AUX laughing/VERB" → (["savani", "is", "laughing"], ["PROPN", "AUX", "VERB"]).

    Words are lower-cased and Unicode-NFC-normalised (so a nukta typed two ways gives one word).
    """
    words, tags = [], []
    for item in line.split():
        word, sep, tag = item.rpartition("/")
        if not sep or not word or not tag:
            raise CourseError(f"हर शब्द word/TAG के रूप में होना चाहिए; मिला {item!r}।",
                              f"every item must look like word/TAG; got {item!r}.")
        words.append(unicodedata.normalize("NFC", word).lower())
        tags.append(tag)
    return words, tags


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_to_words(n: int) -> str:
    """0…999 in English words: 342 → "three hundred and forty two", 40 → "forty", 7 → "seven"."""
    if not isinstance(n, int) or not 0 <= n <= 999:
        raise CourseError(f"n 0 से 999 के बीच का पूर्णांक होना चाहिए; मिला {n!r}।",
                          f"n must be an integer from 0 to 999; got {n!r}.")
    hundreds, rest = divmod(n, 100)
    words = [_ONES[hundreds], "hundred"] if hundreds else []
    if rest or not hundreds:
        if hundreds:
            words.append("and")
        tens, ones = divmod(rest, 10)
        words += [_ONES[rest]] if rest < 20 else [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    return " ".join(words)
