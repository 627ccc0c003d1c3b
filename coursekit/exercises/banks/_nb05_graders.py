"""Graders of practice 05 (convolution): a conv layer (q4), a convolution written by hand (q8) and a
vertical-edge kernel (q9)."""
import copy

import torch
import torch.nn.functional as F
from torch import nn

from ...i18n import T
from ..core import NotAttempted, contains_placeholder, ok, to_cpu, wrong
from ..modcheck import compare_modules
from ._nb04_graders import call_without

SOURCE_IMAGE = [[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]]
SOURCE_KERNEL = [[1, 0, 1], [0, 1, 0], [1, 0, 1]]


def grade_conv_layer(layer):
    """q4: a layer for RGB images, 16 feature maps, 3x3 kernels, same size out — and nothing else."""
    if not isinstance(layer, nn.Module):
        return wrong(f"उत्तर एक layer (nn.Module) होना चाहिए, जैसे nn.Conv2d(...); मिला {type(layer).__name__}।",
                     f"answer with a layer (an nn.Module) such as nn.Conv2d(...); got a {type(layer).__name__}")
    layer = copy.deepcopy(layer).cpu()                 # the learner's own layer stays where it is
    convs = [m for m in layer.modules() if isinstance(m, nn.Conv2d)]
    if not convs:
        return wrong("इसमें कोई nn.Conv2d नहीं है। 2D convolution के लिए nn.Conv2d(in_channels, out_channels, "
                     "kernel_size, ...) लिखिए।",
                     "there is no nn.Conv2d in it. For a 2D convolution write nn.Conv2d(in_channels, out_channels, "
                     "kernel_size, ...).")
    conv = convs[0]
    if conv.in_channels != 3:
        return wrong(f"in_channels = {conv.in_channels}, पर RGB image के 3 channels होते हैं (लाल, हरा, नीला)।",
                     f"in_channels = {conv.in_channels}, but an RGB image has 3 channels (red, green, blue).")
    if conv.kernel_size != (3, 3):
        return wrong(f"kernel_size = {conv.kernel_size}; प्रश्न 3×3 kernel माँगता है (kernel_size=3)।",
                     f"kernel_size = {conv.kernel_size}; the question asks for a 3×3 kernel (kernel_size=3).")
    with torch.no_grad():
        out = layer(torch.zeros(2, 3, 32, 32))
    if out.shape[1] != 16:
        return wrong(f"output में {out.shape[1]} channels हैं; 16 feature maps के लिए out_channels=16 रखिए।",
                     f"the output has {out.shape[1]} channels; for 16 feature maps set out_channels=16.")
    if tuple(out.shape[-2:]) != (32, 32):
        return wrong(f"32×32 input से output {tuple(out.shape[-2:])} बना, 32×32 नहीं। 3×3 kernel और stride 1 पर आकार "
                     f"बनाए रखने के लिए padding=1 चाहिए: (32 + 2·1 − 3)/1 + 1 = 32।",
                     f"a 32×32 input gave {tuple(out.shape[-2:])}, not 32×32. To keep the size with a 3×3 kernel and "
                     f"stride 1 you need padding=1: (32 + 2·1 − 3)/1 + 1 = 32.")
    torch.manual_seed(0)         # padding=1 or "same", with or without a bias, any padding_mode: all keep the size
    ref = nn.Conv2d(3, 16, 3, padding="same" if conv.padding == "same" else 1, bias=conv.bias is not None,
                    padding_mode=conv.padding_mode)
    inputs = [torch.randn(1, 3, 32, 32), torch.randn(2, 3, 32, 32), torch.randn(4, 3, 20, 28)]
    bad = compare_modules(layer, ref, inputs, name="q4_answer")
    if bad is not None:
        return bad
    return ok("सही: nn.Conv2d(3, 16, kernel_size=3, padding=1) — weight का shape (16, 3, 3, 3) है, यानी 448 parameters "
              "(bias सहित)।",
              "right: nn.Conv2d(3, 16, kernel_size=3, padding=1) — the weight has shape (16, 3, 3, 3), i.e. 448 "
              "parameters (with the bias).")


def as_tensor(value):
    value, _ = to_cpu(value)
    if hasattr(value, "detach"):
        return value.detach().float()
    return torch.as_tensor(value, dtype=torch.float32)


CONV_BANNED = (r"conv(?!ert)",      # convolution, conv2d, cudnn_convolution, _slow_conv2d_forward, …
               T("F.conv2d या nn.Conv2d", "F.conv2d or nn.Conv2d"),
               T("loops से, हर window को kernel से element-wise गुणा करके जोड़िए",
                 "with loops, multiplying each window element-wise by the kernel and adding up"))


def grade_conv2d_single(fn):
    """q8: a single-channel 'valid' cross-correlation written with loops, compared with F.conv2d."""
    g = torch.Generator().manual_seed(0)
    cases = [
        (torch.tensor(SOURCE_IMAGE, dtype=torch.float32), torch.tensor(SOURCE_KERNEL, dtype=torch.float32),
         T("स्रोत नोट्स का 5×5 उदाहरण", "the source's 5×5 example")),
        (torch.randn(6, 7, generator=g), torch.randn(2, 3, generator=g),
         T("6×7 image, 2×3 kernel (आयत, वर्ग नहीं)", "a 6×7 image, a 2×3 kernel (rectangles, not squares)")),
        (torch.randn(8, 8, generator=g), torch.randn(3, 3, generator=g), T("random 8×8 image", "a random 8×8 image")),
        (torch.randn(4, 4, generator=g), torch.randn(4, 4, generator=g),
         T("kernel image जितना बड़ा: output 1×1", "a kernel as large as the image: a 1×1 output")),
    ]
    for image, kernel, about in cases:
        expected = F.conv2d(image[None, None], kernel[None, None])[0, 0]
        got, bad = call_without(CONV_BANNED, fn, image.clone(), kernel.clone())
        if bad is not None:
            return bad
        if contains_placeholder(got):
            raise NotAttempted()
        if got is None:
            return wrong("आपके function ने None लौटाया — आख़िर में `return out` लिखना तो नहीं भूले?",
                         "your function returned None — did you forget `return out` at the end?")
        got = as_tensor(got)
        if tuple(got.shape) != tuple(expected.shape):
            return wrong(f"{about.hi}: output का shape {tuple(got.shape)} है, अपेक्षित {tuple(expected.shape)} — "
                         f"padding के बिना stride 1 पर (H − kH + 1, W − kW + 1)।",
                         f"{about.en}: your output has shape {tuple(got.shape)}, expected {tuple(expected.shape)} — "
                         f"without padding and with stride 1 it is (H − kH + 1, W − kW + 1).")
        if torch.allclose(got, expected, atol=1e-4):
            continue
        flipped = F.conv2d(image[None, None], kernel.flip(0, 1)[None, None])[0, 0]
        if torch.allclose(got, flipped, atol=1e-4):
            return wrong(f"{about.hi}: आपने kernel उलट (flip) दिया — यह गणित वाला convolution है। PyTorch की layers "
                         f"cross-correlation करती हैं: y[i, j] = Σ x[i+u, j+v] · w[u, v], kernel उलटे बिना।",
                         f"{about.en}: you flipped the kernel — that is mathematical convolution. PyTorch's layers "
                         f"compute cross-correlation: y[i, j] = Σ x[i+u, j+v] · w[u, v], without flipping.")
        i, j = divmod(int((got - expected).abs().argmax()), expected.shape[1])
        return wrong(f"{about.hi}: स्थान ({i}, {j}) पर आपका मान {got[i, j]:.4g} है, अपेक्षित {expected[i, j]:.4g}। "
                     f"window image[i:i+kH, j:j+kW] को kernel से element-wise गुणा करके जोड़िए।",
                     f"{about.en}: at ({i}, {j}) you have {got[i, j]:.4g}, expected {expected[i, j]:.4g}. Multiply the "
                     f"window image[i:i+kH, j:j+kW] element-wise by the kernel and add up.")
    return ok(f"सभी {len(cases)} cases में आपका function F.conv2d के बराबर है।",
              f"your function equals F.conv2d in all {len(cases)} cases.")


def _edge_images(size=12):
    vertical = torch.zeros(size, size)
    vertical[:, size // 2:] = 1.0                     # dark left half, bright right half
    falling = 1.0 - vertical                           # bright left, dark right
    falling[:, : size // 3] = 0.3                      # and an edge at another place
    return torch.full((size, size), 0.7), (vertical, falling), (vertical.T.clone(), falling.T.clone())


def grade_vertical_kernel(fn):
    """q9: a 3x3 kernel that responds to vertical edges, not to flat regions or horizontal edges — at any scale
    (every response is divided by the kernel's norm ‖k‖, so Prewitt/10 is as good as Sobel)."""
    k = fn()
    if contains_placeholder(k):
        raise NotAttempted()
    k = as_tensor(k)
    if tuple(k.shape) != (3, 3):
        return wrong(f"kernel का shape (3, 3) होना चाहिए; मिला {tuple(k.shape)}।",
                     f"the kernel must have shape (3, 3); got {tuple(k.shape)}")
    norm = k.norm().item()
    if not norm > 0 or not torch.isfinite(k).all():
        return wrong("आपके kernel के सारे मान 0 हैं (या उसमें nan/inf है) — वह कुछ नहीं पहचानता।",
                     "your kernel is all zeros (or has nan/inf) — it detects nothing.")
    flat, verticals, horizontals = _edge_images()

    def response(img):
        return F.conv2d(img[None, None], k[None, None])[0, 0].abs().max().item() / norm

    r_flat = response(flat)
    r_vert = min(response(img) for img in verticals)
    r_hor = max(response(img) for img in horizontals)
    if r_flat > 1e-3:
        return wrong(f"आपके kernel के मानों का योग {k.sum().item():.3g} है, इसलिए सपाट (flat) हिस्से पर भी response "
                     f"आता है। Edge detector केवल बदलाव देखे: मानों का योग 0 रखिए।",
                     f"your kernel's values sum to {k.sum().item():.3g}, so a flat region also responds. An edge "
                     f"detector should see only change: make the values sum to 0.")
    if r_vert < 0.5:
        return wrong(f"खड़े edge पर response kernel के norm ‖k‖ के अनुपात में केवल {r_vert:.2f} है। बाएँ और दाएँ column "
                     f"के मानों में अंतर होना चाहिए (जैसे बायाँ −1, दायाँ +1)।",
                     f"relative to the kernel's norm ‖k‖ the response to a vertical edge is only {r_vert:.2f}. The left "
                     f"and right columns must differ (e.g. left −1, right +1).")
    if r_hor > 0.25 * r_vert:
        return wrong(f"आड़े (horizontal) edge पर response {r_hor:.3g} है, खड़े पर {r_vert:.3g} — kernel आड़े edges भी "
                     f"पकड़ता है। मान बाएँ से दाएँ बदलने चाहिए, ऊपर से नीचे नहीं (हर row में बायाँ ऋणात्मक, दायाँ धनात्मक)।",
                     f"the response to a horizontal edge is {r_hor:.3g}, to a vertical one {r_vert:.3g} — the kernel "
                     f"also picks up horizontal edges. The values must change from left to right, not from top to "
                     f"bottom (in every row: negative on the left, positive on the right).")
    return ok(f"खड़े edge पर response {r_vert:.3g}·‖k‖, आड़े पर {r_hor:.3g}·‖k‖, सपाट पर 0 — यह vertical edge detector "
              f"है (Sobel x: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] इसका मशहूर रूप है; पैमाना कोई भी चलेगा)।",
              f"response {r_vert:.3g}·‖k‖ to a vertical edge, {r_hor:.3g}·‖k‖ to a horizontal one, 0 on flat regions "
              f"— a vertical-edge detector (Sobel x: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] is the classic one; any "
              f"scale works).")
