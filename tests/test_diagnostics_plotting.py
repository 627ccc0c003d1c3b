"""Per-layer statistics, and plots with Hindi text that render without missing glyphs."""
import warnings

import matplotlib
import pytest
import torch
from torch import nn

import coursekit.plotting as ckplt
from coursekit import diagnostics
from coursekit.models import MLP


def _deep(activation, he=False):
    torch.manual_seed(0)
    model = MLP(in_features=16, hidden=[32] * 8, out_features=4, activation=activation)
    if he:
        for layer in model.modules():
            if isinstance(layer, nn.Linear):
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
    return model


def test_activations_are_collected_in_order():
    acts = diagnostics.activations(_deep("tanh"), torch.randn(20, 16))
    assert list(acts) == [f"net.{2 * i + 1}" for i in range(8)]
    assert all(a.shape == (20, 32) for a in acts.values())
    rows = diagnostics.activation_summary(acts, model=_deep("tanh"))
    assert len(rows) == 8 and all(0 <= r[3] <= 1 for r in rows)
    relu = _deep("relu")
    small = {k: v.clamp(0, 0.5) for k, v in diagnostics.activations(relu, torch.randn(20, 16)).items()}
    by_type = diagnostics.activation_summary(small, model=relu)
    assert all(r[3] == pytest.approx((small[r[0]] == 0).float().mean().item()) for r in by_type)


def test_activation_summary_kinds():
    rows = diagnostics.activation_summary({"sig": torch.tensor([0.01, 0.5, 0.99]),
                                           "tanh": torch.tensor([-0.99, 0.0, 0.5]),
                                           "relu": torch.tensor([0.0, 0.0, 2.0, 3.0])})
    assert [round(r[3], 3) for r in rows] == [0.667, 0.333, 0.5]


def test_gradient_norms_vanish_in_deep_sigmoid_net():
    x, y = torch.randn(64, 16), torch.randint(0, 4, (64,))
    sig = diagnostics.gradient_norms(_deep("sigmoid"), x, y)
    relu = diagnostics.gradient_norms(_deep("relu", he=True), x, y)
    names = list(sig)
    assert len(names) == 9 and names[0] == "net.0"
    # first layer / last layer: tiny for sigmoid, not for ReLU with He initialisation
    assert sig[names[0]] / sig[names[-1]] < 1e-5
    assert relu[names[0]] / relu[names[-1]] > 1e-1


def test_gradient_norms_leave_grads_untouched():
    model = _deep("relu")
    for p in model.parameters():
        p.grad = torch.ones_like(p)
    diagnostics.gradient_norms(model, torch.randn(4, 16), torch.randint(0, 4, (4,)))
    assert all(torch.all(p.grad == 1) for p in model.parameters())


def test_font_is_registered_with_fallback():
    family = matplotlib.rcParams["font.family"]
    assert family[0] == "DejaVu Sans" and family[-1] == ckplt.DEVANAGARI_FONT
    assert ckplt.fonts_in_use() == ["DejaVuSans.ttf", "NotoSansDevanagari-Regular.ttf"]
    assert (ckplt.FONT_DIR / "OFL.txt").read_text().count("SIL Open Font License") >= 1


def test_old_matplotlib_is_refused():
    with pytest.warns(UserWarning, match="does not shape Devanagari"):
        assert ckplt.check_matplotlib("3.10.3") is False
    assert ckplt.check_matplotlib("3.11.0") is True


def _render_without_missing_glyphs(fig, tmp_path, name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / name, dpi=60)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []
    assert (tmp_path / name).stat().st_size > 2000


def test_hindi_plots_render(tmp_path):
    import matplotlib.pyplot as plt

    fig = ckplt.hindi_font_check()
    _render_without_missing_glyphs(fig, tmp_path, "hindi.png")
    hist = {"train_loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "train_acc": [0.5, 0.8], "val_acc": [0.4, 0.7]}
    axes = ckplt.plot_history(hist, title="प्रशिक्षण")
    assert axes[0].get_xlabel() == "epoch" and "loss" in axes[0].get_title()
    _render_without_missing_glyphs(axes[0].figure, tmp_path, "hist.png")
    ax = ckplt.plot_layer_values({"net.0": 1e-5, "net.2": 1e-2}, "परत के अनुसार gradient", "gradient norm")
    assert ax.get_yscale() == "log"
    axes = ckplt.plot_histograms({"a": torch.randn(100), "b": torch.rand(100).numpy()}, "सक्रियण (activations)")
    assert len(axes) == 2
    ckplt.plot_images(torch.rand(5, 1, 8, 8), labels=list("abcde"), ncols=3, title="अंक (digits)")
    plt.close("all")


def test_plot_history_needs_metrics():
    with pytest.raises(ValueError, match="no metric to plot"):
        ckplt.plot_history({"epoch_time": [1.0]})


def test_model_error_on_wrong_width():
    with pytest.raises(ValueError, match=r"expected input with 3 features \(batch, 3\); got shape \(2, 4\)") as err:
        MLP(in_features=3)(torch.zeros(2, 4))
    assert "3 features होने चाहिए" in str(err.value)
