"""One recurrent sequence classifier: tokens → embedding → RNN / LSTM / GRU → one vector per sequence → logits.

Used by notebook 14 (the depth experiment), notebook 15 (the long-range task) and notebook 16 (sentiment).
The options that tell those uses apart are keywords of the one class:

* ``pad_index``: ``None`` (notebooks 14 and 15) means every sequence fills all T steps; an index (notebook 16's
  ``<pad>`` = 0) gives that word a zero embedding and *packs* the batch (``pack_padded_sequence``), so the RNN
  stops at each sequence's true length, ``lengths = (x != pad_index).sum(1)``.
* ``pool``: ``"last"`` is the final hidden state of the top layer (for the backward direction of a bidirectional
  RNN, the state after reading the first token); ``"mean"``/``"max"`` pool the top layer's outputs over the
  (true) time steps.
* ``dropout`` acts on the embeddings and before the output layer; ``layer_dropout`` between stacked
  recurrent layers (``nn.RNN(..., dropout=p)``, only with ``num_layers > 1``).

``RNNConfig`` holds the same options as one object (notebook 16 passes ``RNNClassifier(RNNConfig(...))``);
its defaults are notebook 16's. The model returns logits: use ``nn.CrossEntropyLoss``, which applies the
softmax itself.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .i18n import CourseError, check_positive_int

CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
POOLS = ("last", "mean", "max")


@dataclass
class RNNConfig:
    """The options of ``RNNClassifier`` as one object; small defaults (notebook 16's) suit a laptop CPU."""

    vocab_size: int              # len(vocab): rows of the embedding table
    embed_dim: int = 64          # length of each word vector (a one-hot vector would have vocab_size)
    hidden_size: int = 64        # size of the hidden state h_t (per direction)
    cell: str = "gru"            # "rnn" (vanilla, tanh), "lstm" or "gru"
    bidirectional: bool = False  # also read the sentence right-to-left and join both states
    pool: str = "last"           # "last": final hidden state; "mean"/"max": over all time steps
    dropout: float = 0.3         # on the embeddings and before the output layer
    num_layers: int = 1          # stacked RNN layers
    num_classes: int = 2
    pad_index: int | None = 0    # <pad>: sequences are packed to their true lengths (None: no padding)
    layer_dropout: float = 0.0   # between stacked RNN layers


def check_token_ids(x) -> None:
    """x must be a (batch, time) long tensor of token indices; a bilingual ``CourseError`` if not."""
    if not isinstance(x, torch.Tensor) or x.dim() != 2 or x.dtype != torch.long:
        got = f"{tuple(x.shape)} {x.dtype}" if isinstance(x, torch.Tensor) else type(x).__name__
        raise CourseError(f"x का shape (batch, समय) और dtype long (शब्दों के index) होना चाहिए; मिला {got}।",
                          f"x must be word indices of shape (batch, time) with dtype long; got {got}.")


class RNNClassifier(nn.Module):
    """Many-to-one RNN: embed each token, run an RNN/LSTM/GRU, pool over time, classify.

    ``RNNClassifier(vocab_size, num_classes, hidden_size=32, num_layers=1, cell="rnn", embed_dim=16,
    bidirectional=False, pool="last", pad_index=None, dropout=0.0, layer_dropout=0.0)``, or
    ``RNNClassifier(RNNConfig(...))``. See the module's text for the options.

    Shapes: x (B, T) → embeddings (B, T, E) → RNN outputs (B, T, D·H) with D = 2 if bidirectional →
    sequence vector (B, D·H) (:meth:`encode`) → logits (B, num_classes).
    Parameters, in this order: ``embedding``, ``rnn``, ``out`` (``dropout`` has none).
    """

    def __init__(self, vocab_size: int | RNNConfig, num_classes: int = 2, *, hidden_size: int = 32,
                 num_layers: int = 1, cell: str = "rnn", embed_dim: int = 16, bidirectional: bool = False,
                 pool: str = "last", pad_index: int | None = None, dropout: float = 0.0,
                 layer_dropout: float = 0.0):
        super().__init__()
        if isinstance(vocab_size, RNNConfig):
            config = vocab_size
        else:
            config = RNNConfig(vocab_size, embed_dim, hidden_size, cell, bidirectional, pool, dropout, num_layers,
                               num_classes, pad_index, layer_dropout)
        if config.cell not in CELLS:
            raise CourseError(f"cell इनमें से एक होना चाहिए: {tuple(CELLS)}; मिला {config.cell!r}।",
                              f"cell must be one of {tuple(CELLS)}; got {config.cell!r}.")
        if config.pool not in POOLS:
            raise CourseError(f"pool इनमें से एक होना चाहिए: {POOLS}; मिला {config.pool!r}।",
                              f"pool must be one of {POOLS}; got {config.pool!r}.")
        for name in ("vocab_size", "embed_dim", "hidden_size", "num_layers", "num_classes"):
            check_positive_int(getattr(config, name), name)
        self.config = config
        self.embedding = nn.Embedding(config.vocab_size, config.embed_dim, padding_idx=config.pad_index)
        self.rnn = CELLS[config.cell](config.embed_dim, config.hidden_size, num_layers=config.num_layers,
                                      batch_first=True, bidirectional=config.bidirectional,
                                      dropout=config.layer_dropout if config.num_layers > 1 else 0.0)
        self.dropout = nn.Dropout(config.dropout)
        directions = 2 if config.bidirectional else 1
        self.out = nn.Linear(directions * config.hidden_size, config.num_classes)

    def lengths(self, x: torch.Tensor) -> torch.Tensor | None:
        """True length of each padded sequence, the number of non-``<pad>`` indices (B,); None without padding."""
        if self.config.pad_index is None:
            return None
        return (x != self.config.pad_index).sum(dim=1)

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """(B, T) indices → (B, D·H) one vector per sequence."""
        check_token_ids(x)
        return self.encode_embedded(self.embedding(x), self.lengths(x))

    def encode_embedded(self, e: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        """Embeddings e (B, T, E) and true lengths (B,) or None (all T steps) → (B, D·H)."""
        if lengths is not None and (lengths == 0).any():
            raise CourseError("batch में एक वाक्य पूरा <pad> है (लंबाई 0); हर वाक्य में कम से कम एक शब्द चाहिए।",
                              "a sentence in the batch is all <pad> (length 0); every sentence needs a word.")
        e = self.dropout(e)                                                     # (B, T, E)
        if lengths is None:
            out, h_n = self.rnn(e)                                              # out: (B, T, D·H)
        else:
            packed = pack_padded_sequence(e, lengths.cpu(), batch_first=True, enforce_sorted=False)
            out, h_n = self.rnn(packed)
        if self.config.cell == "lstm":
            h_n = h_n[0]                                                        # (h_n, c_n) → h_n
        pool = self.config.pool
        if pool == "last":
            d = 2 if self.config.bidirectional else 1
            return torch.cat([h_n[-d + i] for i in range(d)], dim=1)            # last layer: (B, D·H)
        if lengths is not None:
            fill = float("-inf") if pool == "max" else 0.0
            out, _ = pad_packed_sequence(out, batch_first=True, padding_value=fill)   # (B, T', D·H)
        else:
            lengths = torch.full((out.shape[0],), out.shape[1])
        if pool == "max":
            return out.max(dim=1).values                                        # (B, D·H)
        return out.sum(dim=1) / lengths.to(out.device, out.dtype).unsqueeze(1)  # mean over true steps

    def forward_embedded(self, e: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        """Embeddings e (B, T, E) → logits (B, num_classes); lets notebook 15 take gradients w.r.t. e."""
        return self.out(self.dropout(self.encode_embedded(e, lengths)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (B, T) token ids → logits (B, num_classes)."""
        check_token_ids(x)
        return self.forward_embedded(self.embedding(x), self.lengths(x))
