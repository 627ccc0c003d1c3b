"""The reliability review's probes of practice banks 12-18, as tests: its false passes now fail, its false fails now
pass; learners' functions that change their inputs in place cannot spoil later checks; results on another device
(a simulated CUDA tensor) are moved to the CPU by every checker that compares tensors."""
import math

import pytest
import torch
from torch.nn.utils.rnn import pack_padded_sequence
from torch.utils._pytree import tree_flatten, tree_map

from coursekit.exercises import FAIL, FORMAT, PASS, load
from coursekit.exercises.banks._nb16_graders import VOCAB_CASES
from coursekit.text import Vocab, tokenize


def _q(name, qid):
    return {q.id: q for q in load(name)}[qid]


def _status(name, qid, answer):
    return _q(name, qid).evaluate(answer).status


class OnGPU(torch.Tensor):
    """A CPU tensor that behaves like a CUDA one: an op that mixes it with a CPU tensor (other than a 0-d one) and
    ``.numpy()`` raise, ``.device`` says cuda:0, and ``.cpu()`` gives a plain CPU tensor."""

    @property
    def device(self):
        return torch.device("cuda", 0)

    @property
    def is_cuda(self):
        return True

    def cpu(self, *args, **kwargs):
        with torch._C.DisableTorchFunctionSubclass():
            return self.as_subclass(torch.Tensor)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if getattr(func, "__name__", "") == "numpy":
            raise TypeError("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() first.")
        if any(type(t) is torch.Tensor and t.dim() > 0 for t in tree_flatten((args, kwargs))[0]):
            raise RuntimeError("Expected all tensors to be on the same device, but found at least two devices, "
                               "cuda:0 and cpu!")
        with torch._C.DisableTorchFunctionSubclass():
            out = func(*args, **kwargs)
        return tree_map(lambda t: t.as_subclass(OnGPU) if type(t) is torch.Tensor else t, out)


def _gpu(t):
    return t.as_subclass(OnGPU)


def test_simulated_gpu_tensor_behaves_like_cuda():
    a = _gpu(torch.ones(3))
    with pytest.raises(RuntimeError):
        torch.allclose(a, torch.ones(3))
    assert a.device.type == "cuda" and torch.equal(a.cpu(), torch.ones(3)) and type(a * 2) is OnGPU


# ------------------------------------------------------------------ 12: types of RNN

def test_12_hand_answers():
    assert _status("12_rnn_types", "q14", True) == FORMAT                                        # probe 35
    pre_padded = [[0, 2, 3, 4], [2, 3, 5, 4], [0, 0, 0, 6]]
    assert _status("12_rnn_types", "q16", pre_padded) == FAIL                                    # probe 64
    assert _status("12_rnn_types", "q16", torch.tensor([[2, 3, 4, 0], [2, 3, 5, 4], [6, 0, 0, 0]],
                                                       dtype=torch.float32)) == PASS             # probe 65
    assert _status("12_rnn_types", "q17", [4, 3, 1]) == FAIL                                     # probe 66
    assert _status("12_rnn_types", "q18", [1, 2, 2, 3]) == FAIL                                  # probe 67


def test_12_q20_off_by_one_and_last_step_fail():
    q = _q("12_rnn_types", "q20")
    off_by_one = q.evaluate(lambda out, lengths: out[torch.arange(out.shape[0]), lengths])       # probe 194
    assert off_by_one.status == FAIL and "count from 0" in off_by_one.message.en
    last_step = q.evaluate(lambda out, lengths: out[:, -1])                                      # probe 195
    assert last_step.status == FAIL and "out[:, -1]" in last_step.message.en


def test_12_q21_bos_in_output_and_no_stop_fail():
    q = _q("12_rnn_types", "q21")

    def with_bos(step, h, bos, eos, max_len):                                                    # probe 196
        out, token = [bos], bos
        for _ in range(max_len):
            logits, h = step(token, h)
            token = int(torch.argmax(logits))
            out.append(token)
            if token == eos:
                break
        return out

    def never_stops(step, h, bos, eos, max_len):                                                 # probe 197
        out, token = [], bos
        for _ in range(max_len):
            logits, h = step(token, h)
            token = int(torch.argmax(logits))
            out.append(token)
        return out

    for fn, words in ((with_bos, "`bos` is only the first input"), (never_stops, "must stop after choosing `eos`")):
        result = q.evaluate(fn)
        assert result.status == FAIL and words in result.message.en


def test_12_q19_two_layers_and_order():
    q = _q("12_rnn_types", "q19")
    first = q.evaluate(lambda rnn, x, lengths: rnn(pack_padded_sequence(x, lengths, batch_first=True,
                                                                        enforce_sorted=False))[1][0])
    assert first.status == FAIL and "h_n[0]" in first.message.en


def test_12_graders_take_results_from_another_device():
    def final_states(rnn, x, lengths):
        return _gpu(rnn(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))[1][-1])

    assert _status("12_rnn_types", "q19", final_states) == PASS
    assert _status("12_rnn_types", "q20", lambda out, lengths: _gpu(out[torch.arange(len(out)), lengths - 1])) == PASS
    assert _status("12_rnn_types", "q20", lambda out, lengths: _gpu(out[:, -1])) == FAIL


def test_12_q20_input_changed_in_place_cannot_spoil_later_checks():
    q = _q("12_rnn_types", "q20")

    def zeroes_out(out, lengths):
        result = out[torch.arange(len(out)), lengths - 1].clone()
        out.zero_()
        lengths.fill_(1)
        return result

    assert q.evaluate(zeroes_out).status == PASS
    assert q.evaluate(lambda out, lengths: out[:, 0]).status == FAIL
    assert q.evaluate(lambda out, lengths: out[torch.arange(len(out)), lengths - 1]).status == PASS


# ------------------------------------------------------------------ 13: forward propagation and BPTT

def test_13_hand_answers():
    q5 = _q("13_forward_propagation_and_bptt", "q5")
    flipped = q5.evaluate(0.3303)                                                                # probe 40
    assert flipped.status == FAIL and "sign" in flipped.message.en
    assert q5.evaluate(-0.33).status == PASS                                                     # probe 41
    o1 = math.tanh(0.7)
    o2 = math.tanh(1.3 - 0.5 * o1)
    assert _status("13_forward_propagation_and_bptt", "q4", [round(o1, 4), round(o2, 4)]) == PASS   # probe 62
    assert _status("13_forward_propagation_and_bptt", "q4", [0.6043, 0.7605]) == FAIL              # probe 63


def test_13_q6_names_the_mistake():
    q = _q("13_forward_propagation_and_bptt", "q6")

    def no_tanh_derivative(xs, w_i, w_h, b, w_o, b_o, y):
        o = [0.0]
        for x in xs:
            o.append(math.tanh(w_i * x + w_h * o[-1] + b))
        delta, grad = (1 / (1 + math.exp(-(w_o * o[-1] + b_o))) - y) * w_o, 0.0
        for t in range(len(xs), 0, -1):
            grad += delta * o[t - 1]
            delta = delta * w_h
        return grad

    result = q.evaluate(no_tanh_derivative)
    assert result.status == FAIL and "tanh derivative is missing" in result.message.en
    assert "छूट गया" in result.message.hi
    unknown = q.evaluate(lambda *args: 0.5)                     # a wrong answer of no known kind: no guess
    assert unknown.status == FAIL and "tanh" not in unknown.message.en and "sign" not in unknown.message.en


def test_13_q3_words_changed_in_place_cannot_spoil_later_checks():
    q = _q("13_forward_propagation_and_bptt", "q3")
    right = q.reference

    def sorts_the_vocabulary(sentence, words, T):
        result = right(sentence, words, T)
        words.sort()
        return result

    assert q.evaluate(sorts_the_vocabulary).status == PASS
    post_padded = q.mistakes[0][0]
    assert q.evaluate(post_padded).status == FAIL
    assert q.evaluate(right).status == PASS


# ------------------------------------------------------------------ 14: deep RNNs

def test_14_q6_consuming_the_list_passes_twice_and_a_wrong_answer_still_fails():
    q = _q("14_deep_rnns", "q6")

    def stacked_rnn_params(input_size, hidden_sizes):                                            # probes 155, 156
        total, n_in = 0, input_size
        while hidden_sizes:
            H = hidden_sizes.pop(0)
            total += H * n_in + H * H + 2 * H
            n_in = H
        return total

    assert q.evaluate(stacked_rnn_params).status == PASS
    assert q.evaluate(stacked_rnn_params).status == PASS
    keras = q.evaluate(lambda i, hs: sum(h * (a + h + 1) for a, h in zip([i, *hs], hs)))
    assert keras.status == FAIL and "Keras" in keras.message.en


def test_14_q7_result_from_another_device_and_reversed_layers():
    q = _q("14_deep_rnns", "q7")

    def stack_forward(layers, x):
        for layer in layers:
            x, _ = layer(x)
        return _gpu(x)

    assert q.evaluate(stack_forward).status == PASS

    def top_down(layers, x):
        for layer in layers[::-1]:
            x, _ = layer(x)
        return x

    result = q.evaluate(top_down)
    assert result.status == FAIL and "reverse order" in result.message.en


# ------------------------------------------------------------------ 15: LSTM and GRU

def _lstm_step(x, h, c, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = (x @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, dim=1)
    c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new


def test_15_q2_control_block_order_and_another_device():
    q = _q("15_lstm_and_gru", "q2")
    assert q.evaluate(_lstm_step).status == PASS                                                 # probe 198

    def ifog(x, h, c, W_ih, W_hh, b_ih, b_hh):                                                   # probe 199
        i, f, o, g = (x @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, dim=1)
        c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c_new), c_new

    result = q.evaluate(ifog)
    assert result.status == FAIL and "i, f, o, g" in result.message.en
    assert q.evaluate(lambda *args: tuple(_gpu(t) for t in _lstm_step(*args))).status == PASS


def test_15_q2_cell_state_changed_in_place_cannot_spoil_later_checks():
    q = _q("15_lstm_and_gru", "q2")

    def in_place(x, h, c, W_ih, W_hh, b_ih, b_hh):
        i, f, g, o = (x @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, dim=1)
        c.mul_(torch.sigmoid(f)).add_(torch.sigmoid(i) * torch.tanh(g))      # c becomes c_new
        W_ih.zero_()
        return torch.sigmoid(o) * torch.tanh(c), c

    assert q.evaluate(in_place).status == PASS
    assert q.evaluate(lambda x, h, c, *w: (h, c)).status == FAIL
    assert q.evaluate(_lstm_step).status == PASS


def test_15_hand_answers_and_gru_count():
    assert _status("15_lstm_and_gru", "q7", [1.2, -0.6, 0.9]) == FAIL                            # probe 68: f·c + g
    assert _status("15_lstm_and_gru", "q10", 0.077) == PASS                                      # probe 47

    def gru_params(input_size, hidden_size, num_layers=1, bidirectional=False):                  # probe 200
        d = 2 if bidirectional else 1
        return sum(d * 3 * (hidden_size * ((input_size if k == 0 else hidden_size) + hidden_size) + 2 * hidden_size)
                   for k in range(num_layers))

    result = _q("15_lstm_and_gru", "q3").evaluate(gru_params)
    assert result.status == FAIL and "2·H" in result.message.en


# ------------------------------------------------------------------ 16: sentiment analysis

def _encode(texts, vocab, dtype=torch.long):
    ids = [vocab.encode(tokenize(t)) for t in texts]
    T = max(len(s) for s in ids)
    return torch.tensor([s + [vocab.pad_index] * (T - len(s)) for s in ids], dtype=dtype)


def test_16_q9_needs_a_long_tensor():
    q = _q("16_sentiment_analysis_rnn", "q9")
    as_float = q.evaluate(lambda texts, vocab: _encode(texts, vocab, torch.float32))             # probe 148
    assert as_float.status == FAIL and "LongTensor" in as_float.message.en and "nn.Embedding" in as_float.message.en
    as_lists = q.evaluate(lambda texts, vocab: _encode(texts, vocab).tolist())                   # probe 149
    assert as_lists.status == FAIL and "torch tensor" in as_lists.message.en
    assert q.evaluate(lambda texts, vocab: _gpu(_encode(texts, vocab))).status == PASS


def test_16_q9_texts_changed_in_place_cannot_spoil_later_checks():
    q = _q("16_sentiment_analysis_rnn", "q9")

    def empties(texts, vocab):
        result = _encode(texts, vocab)
        texts[:] = ["movie"] * len(texts)
        vocab.stoi.clear()
        return result

    assert q.evaluate(empties).status == PASS
    assert q.evaluate(lambda texts, vocab: _encode(texts, vocab)[:, :1]).status == FAIL
    assert q.evaluate(lambda texts, vocab: _encode(texts, vocab)).status == PASS


def test_16_q8_min_freq_matters():
    q = _q("16_sentiment_analysis_rnn", "q8")
    ignores = q.evaluate(lambda tr, te, min_freq=1: Vocab.build([tokenize(t) for t in tr]))      # probe 202
    assert ignores.status == FAIL and "min_freq=2 has no effect" in ignores.message.en
    leaked = q.evaluate(lambda tr, te, min_freq=1: Vocab.build([tokenize(t) for t in tr + te], min_freq=min_freq))
    assert leaked.status == FAIL and "test words" in leaked.message.en                           # probe 201
    assert {min_freq for *_, min_freq in VOCAB_CASES} == {1, 2, 3}
    assert q.evaluate(lambda tr, te, min_freq=1: Vocab.build([tokenize(t) for t in tr], min_freq=min_freq)).status == PASS


def test_16_q10_accuracy_forms_and_labels_changed_in_place():
    q = _q("16_sentiment_analysis_rnn", "q10")
    assert q.evaluate(lambda logits, labels: (logits.argmax(dim=1) == labels).float().mean()).status == PASS   # 150
    percent = q.evaluate(lambda logits, labels: 100 * (logits.argmax(dim=1) == labels).float().mean().item())  # 151
    assert percent.status == FAIL and "percentage" in percent.message.en

    def zeroes_labels(logits, labels):
        result = (logits.argmax(dim=1) == labels).float().mean().item()
        labels.zero_()
        logits.zero_()
        return result

    assert q.evaluate(zeroes_labels).status == PASS
    assert q.evaluate(lambda logits, labels: (logits.argmax(dim=1) == 0).float().mean().item()).status == FAIL
    assert _status("16_sentiment_analysis_rnn", "q4", 35) == FAIL                                # probe 43


# ------------------------------------------------------------------ 17: next-word prediction

def test_17_perplexity_bigram_temperature_top_k():
    assert _status("17_next_word_prediction", "q10", 500) == PASS                                # probe 44
    assert _status("17_next_word_prediction", "q11", 12.18) == PASS                              # probe 45
    q16 = _q("17_next_word_prediction", "q16")
    assert q16.evaluate(lambda p: 2 ** (-sum(math.log2(x) for x in p) / len(p))).status == PASS  # probe 152
    inverse_mean = q16.evaluate(lambda p: len(p) / sum(p))                                       # probe 153
    assert inverse_mean.status == FAIL and "geometric mean" in inverse_mean.message.en

    def plus_v(sentences, prev, word, k=0.0, V=None):                                            # probe 154
        pairs = [(s[i], s[i + 1]) for s in sentences for i in range(len(s) - 1)]
        c_pair = sum(1 for a, b in pairs if a == prev and b == word)
        c_prev = sum(1 for a, _ in pairs if a == prev)
        return (c_pair + k) / (c_prev + (V or 0))

    result = _q("17_next_word_prediction", "q17").evaluate(plus_v)
    assert result.status == FAIL and "not just $V$" in result.message.en
    times_t = _q("17_next_word_prediction", "q18").evaluate(lambda z, T: torch.softmax(z * T, dim=-1))   # probe 204
    assert times_t.status == FAIL and "0.5065" in times_t.message.en and "**Divide**" in times_t.message.en
    words_only = _q("17_next_word_prediction", "q19").evaluate(                                  # probe 203
        lambda probs, words, k: [words[int(i)] for i in torch.topk(probs, k).indices])
    assert words_only.status == FAIL and "(word, probability) pair" in words_only.message.en


def test_17_in_place_and_another_device():
    q16 = _q("17_next_word_prediction", "q16")

    def consumes(probs):
        total, n = 0.0, len(probs)
        while probs:
            total -= math.log(probs.pop())
        return math.exp(total / n)

    assert q16.evaluate(consumes).status == PASS
    assert q16.evaluate(lambda p: math.exp(-sum(math.log(x) for x in p))).status == FAIL
    q18 = _q("17_next_word_prediction", "q18")
    assert q18.evaluate(lambda z, T: torch.softmax(z.div_(T), dim=-1)).status == PASS            # divides in place
    assert q18.evaluate(lambda z, T: torch.softmax(z, dim=-1)).status == FAIL
    assert q18.evaluate(lambda z, T: _gpu(torch.softmax(z / T, dim=-1))).status == PASS
    q19 = _q("17_next_word_prediction", "q19")
    on_gpu = q19.evaluate(lambda probs, words, k: [(words[int(i)], _gpu(v)) for i, v in zip(*torch.topk(probs, k)[::-1])])
    assert on_gpu.status == PASS


def test_17_q19_ties_in_any_order():
    def stable_sort(probs, words, k):              # ties keep the words' order, which torch.topk may not
        order = sorted(range(len(words)), key=lambda i: -float(probs[i]))[:k]
        return [(words[i], float(probs[i])) for i in order]

    def reverse_ties(probs, words, k):
        order = sorted(range(len(words)), key=lambda i: (-float(probs[i]), -i))[:k]
        return [(words[i], float(probs[i])) for i in order]

    assert _status("17_next_word_prediction", "q19", stable_sort) == PASS
    assert _status("17_next_word_prediction", "q19", reverse_ties) == PASS


# ------------------------------------------------------------------ 18: time-series forecasting

def test_18_q1_floor_instead_of_round_fails():
    def time_split(values, val, test):                                                           # probe 205
        n = len(values)
        i_test = n - int(test * n)
        i_val = i_test - int(val * n)
        return values[:i_val], values[i_val:i_test], values[i_test:]

    result = _q("18_time_series_forecasting", "q1").evaluate(time_split)
    assert result.status == FAIL and "`int()`" in result.message.en and "round()" in result.message.en


def test_18_q2_sample_std_fails():
    result = _q("18_time_series_forecasting", "q2").evaluate(                                    # probe 206
        lambda tr, te: ((tr - tr.mean()) / tr.std(ddof=1), (te - tr.mean()) / tr.std(ddof=1)))
    assert result.status == FAIL and "ddof = 1" in result.message.en


@pytest.mark.parametrize("qid,right,rounded,wrongs", [
    ("q3", math.sqrt(5.5), (2.35, 2.345, 2.3452), (2.0, 5.5, math.sqrt(22 / 5), 2.3, 2.4)),      # probes 46, 71
    ("q4", math.sqrt(3.75), (1.94, 1.936, 1.9365), (3.75, 1.75, math.sqrt(148.75), 1.9, 2.0)),   # probe 70
])
def test_18_rmse_by_hand_accepts_the_explanations_rounding(qid, right, rounded, wrongs):
    q = _q("18_time_series_forecasting", qid)
    assert q.evaluate(right).status == PASS
    assert all(q.evaluate(v).status == PASS for v in rounded)
    assert all(q.evaluate(v).status == FAIL for v in wrongs)


def test_18_graders_take_tensors_from_another_device_and_copies():
    def split_gpu(values, val, test):
        n = len(values)
        t = _gpu(torch.as_tensor(values))
        i_test = n - round(test * n)
        i_val = i_test - round(val * n)
        return t[:i_val], t[i_val:i_test], t[i_test:]

    assert _status("18_time_series_forecasting", "q1", split_gpu) == PASS

    def scale_gpu(train, test):
        tr, te = _gpu(torch.as_tensor(train)), _gpu(torch.as_tensor(test))
        mu, sd = tr.mean(), tr.std(unbiased=False)
        return (tr - mu) / sd, (te - mu) / sd

    assert _status("18_time_series_forecasting", "q2", scale_gpu) == PASS

    def slides_in_place(step_fn, window, steps):
        out = []
        for _ in range(steps):
            out.append(step_fn(window))
            window.pop(0)
            window.append(out[-1])
        return _gpu(torch.tensor(out, dtype=torch.float64))

    q6 = _q("18_time_series_forecasting", "q6")
    assert q6.evaluate(slides_in_place).status == PASS
    assert q6.evaluate(lambda step_fn, window, steps: [step_fn(window)] * steps).status == FAIL


def test_18_q6_growing_window_fails():
    def grows(step_fn, window, steps):
        window, out = list(window), []
        for _ in range(steps):
            out.append(step_fn(window))
            window = window + [out[-1]]
        return out

    result = _q("18_time_series_forecasting", "q6").evaluate(grows)
    assert result.status == FAIL and "kept growing" in result.message.en
    assert "window" in result.message.hi and "लंबी" in result.message.hi
