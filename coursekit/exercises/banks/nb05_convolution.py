"""Practice 05 (convolution): the source's 5 questions, output sizes, parameter counts, a 2D convolution
written by hand and checked against F.conv2d, and a vertical-edge kernel."""
import torch
import torch.nn.functional as F
from torch import nn

from ...i18n import T
from ..core import Case, Code, MultipleChoice, Numeric, Shape, ok, wrong

TITLE = T("कन्वोल्यूशन (convolution)", "Convolution")
INTRO = T(
    "ये प्रश्न notebook `05_convolution` पर आधारित हैं: पहले 5 प्रश्न स्रोत नोट्स के हैं, फिर output का आकार, "
    "parameters की गिनती, अपना 2D convolution function और एक edge detector kernel।",
    "These questions follow the notebook `05_convolution`: the first 5 are the source notes' questions, then the "
    "output size, parameter counts, your own 2D convolution function and an edge-detector kernel.",
)
SETUP = "import torch\nimport torch.nn.functional as F\nfrom torch import nn"

SOURCE_IMAGE = [[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]]
SOURCE_KERNEL = [[1, 0, 1], [0, 1, 0], [1, 0, 1]]


def _out_size(n, k, s=1, p=0):
    return (n + 2 * p - k) // s + 1


# ---------------------------------------------------------------- graders
def _grade_conv_layer(layer):
    """q4: a layer for RGB images, 16 feature maps, 3x3 kernels, same size out."""
    if not isinstance(layer, nn.Module):
        return wrong(f"उत्तर एक layer (nn.Module) होना चाहिए, जैसे nn.Conv2d(...); मिला {type(layer).__name__}",
                     f"answer with a layer (an nn.Module) such as nn.Conv2d(...); got a {type(layer).__name__}")
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
    return ok("सही: nn.Conv2d(3, 16, kernel_size=3, padding=1) — weight का shape (16, 3, 3, 3) है, यानी 448 parameters "
              "(bias सहित)।",
              "right: nn.Conv2d(3, 16, kernel_size=3, padding=1) — the weight has shape (16, 3, 3, 3), i.e. 448 "
              "parameters (with the bias).")


def _as_tensor(value):
    if hasattr(value, "detach"):
        return value.detach().cpu().float()
    return torch.as_tensor(value, dtype=torch.float32)


def _grade_conv2d_single(fn):
    """q8: a single-channel 'valid' cross-correlation, compared with F.conv2d."""
    if "conv2d" in getattr(getattr(fn, "__code__", None), "co_names", ()):
        return wrong("F.conv2d न बुलाइए — यही तो जाँचने की चीज़ है। loops (या unfold) से ख़ुद लिखिए।",
                     "do not call F.conv2d — that is what we check against. Write it yourself with loops (or unfold).")
    g = torch.Generator().manual_seed(0)
    cases = [
        (torch.tensor(SOURCE_IMAGE, dtype=torch.float32), torch.tensor(SOURCE_KERNEL, dtype=torch.float32),
         T("स्रोत का 5×5 उदाहरण", "the source's 5×5 example")),
        (torch.randn(6, 7, generator=g), torch.randn(2, 3, generator=g),
         T("6×7 image, 2×3 kernel (आयत, वर्ग नहीं)", "a 6×7 image, a 2×3 kernel (rectangles, not squares)")),
        (torch.randn(8, 8, generator=g), torch.randn(3, 3, generator=g), T("random 8×8 image", "a random 8×8 image")),
    ]
    for image, kernel, about in cases:
        expected = F.conv2d(image[None, None], kernel[None, None])[0, 0]
        got = _as_tensor(fn(image.clone(), kernel.clone()))
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
    return ok("तीनों cases में आपका function F.conv2d के बराबर है।", "your function equals F.conv2d in all 3 cases.")


def _edge_images(size=12):
    vertical = torch.zeros(size, size)
    vertical[:, size // 2:] = 1.0                     # dark left half, bright right half
    return torch.full((size, size), 0.7), vertical, vertical.T.clone()


def _grade_vertical_kernel(fn):
    """q9: a 3x3 kernel that responds to vertical edges, not to flat regions or horizontal edges."""
    k = _as_tensor(fn())
    if tuple(k.shape) != (3, 3):
        return wrong(f"kernel का shape (3, 3) होना चाहिए; मिला {tuple(k.shape)}",
                     f"the kernel must have shape (3, 3); got {tuple(k.shape)}")
    flat, vertical, horizontal = _edge_images()

    def response(img):
        return F.conv2d(img[None, None], k[None, None])[0, 0].abs().max().item()

    r_flat, r_vert, r_hor = response(flat), response(vertical), response(horizontal)
    if r_vert < 0.5:
        return wrong(f"खड़े edge पर response केवल {r_vert:.3g} है। बाएँ और दाएँ column के मानों में अंतर होना चाहिए "
                     f"(जैसे बायाँ −1, दायाँ +1)।",
                     f"the response to a vertical edge is only {r_vert:.3g}. The left and right columns must differ "
                     f"(e.g. left −1, right +1).")
    if r_flat > 1e-3:
        return wrong(f"आपके kernel के मानों का योग {k.sum().item():.3g} है, इसलिए सपाट (flat) हिस्से पर भी response "
                     f"{r_flat:.3g} आता है। Edge detector केवल बदलाव देखे: मानों का योग 0 रखिए।",
                     f"your kernel's values sum to {k.sum().item():.3g}, so a flat region also responds "
                     f"({r_flat:.3g}). An edge detector should see only change: make the values sum to 0.")
    if r_hor > 0.25 * r_vert:
        return wrong(f"आड़े (horizontal) edge पर response {r_hor:.3g} है, खड़े पर {r_vert:.3g} — kernel आड़े edges भी "
                     f"पकड़ता है। मान बाएँ से दाएँ बदलने चाहिए, ऊपर से नीचे नहीं (हर पंक्ति में बायाँ ऋणात्मक, दायाँ धनात्मक)।",
                     f"the response to a horizontal edge is {r_hor:.3g}, to a vertical one {r_vert:.3g} — the kernel "
                     f"also picks up horizontal edges. The values must change from left to right, not from top to "
                     f"bottom (in every row: negative on the left, positive on the right).")
    return ok(f"खड़े edge पर response {r_vert:.3g}, आड़े पर {r_hor:.3g}, सपाट पर 0 — यह vertical edge detector है "
              f"(Sobel x: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] इसका मशहूर रूप है)।",
              f"response {r_vert:.3g} to a vertical edge, {r_hor:.3g} to a horizontal one, 0 on flat regions — a "
              f"vertical-edge detector (Sobel x: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] is the classic one).")


CONV2D_STARTER = """def conv2d_single(image, kernel):
    kh, kw = kernel.shape
    h_out, w_out = ____, ____
    out = torch.zeros(h_out, w_out)
    for i in range(h_out):
        for j in range(w_out):
            out[i, j] = ____
    return out"""

CONV2D_SOLUTION = """def conv2d_single(image, kernel):
    kh, kw = kernel.shape
    h_out, w_out = image.shape[0] - kh + 1, image.shape[1] - kw + 1   # 'valid', stride 1
    out = torch.zeros(h_out, w_out)
    for i in range(h_out):
        for j in range(w_out):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()   # window * kernel, then sum
    return out"""


def questions():
    return [
        MultipleChoice(
            "q1", T("Convolution operation image पर कैसे काम करता है? एक position पर conv layer क्या गणना करती है?",
                    "How does the convolution operation work on an image? What does a conv layer compute at one "
                    "position?"),
            [T("kernel के नीचे की window और kernel का element-wise गुणनफल लेकर सबका योग (और bias जोड़कर) — output का एक मान",
               "the element-wise product of the window under the kernel with the kernel, summed (plus the bias) — "
               "one output value"),
             T("window और kernel का matrix multiplication (window @ kernel) — output का एक 3×3 block",
               "the matrix product of the window and the kernel (window @ kernel) — a 3×3 block of the output"),
             T("window के pixels का सादा औसत (average)", "the plain average of the window's pixels"),
             T("पूरी image का kernel से element-wise गुणनफल, एक ही बार में", "the element-wise product of the whole "
               "image with the kernel, in one go")],
            "a",
            why={"b": T("matrix multiplication (@) पंक्ति × column करता है; convolution आमने-सामने के मानों को गुणा करता है "
                        "और एक संख्या देता है।",
                        "a matrix product (@) combines rows with columns; convolution multiplies the values facing "
                        "each other and gives one number."),
                 "c": T("औसत केवल एक ख़ास kernel (box blur, सब मान 1/9) का नतीजा है; आम kernel के मान सीखे जाते हैं।",
                        "an average is what one special kernel (box blur, all values 1/9) gives; in general the "
                        "kernel values are learned."),
                 "d": T("kernel छोटा होता है और image पर फिसलता (slide) है; हर position पर एक मान बनता है।",
                        "the kernel is small and slides over the image; each position gives one value.")},
            hints=[T("स्रोत के 5×5 उदाहरण में position (0, 0) का हिसाब याद कीजिए: window, product, sum।",
                     "Recall position (0, 0) of the source's 5×5 example: window, product, sum."),
                   T("हर position से output feature map का ठीक एक मान बनता है।",
                     "Each position gives exactly one value of the output feature map.")],
            solution='q1_answer = "a"', wrong="b",
            explanation=T("Kernel हर position पर रखा जाता है, आमने-सामने के मान गुणा होकर जुड़ते हैं (+ bias), और kernel "
                          "stride जितना आगे खिसकता है; इन मानों से feature map बनता है।",
                          "The kernel is placed at each position, the facing values are multiplied and added (+ bias), "
                          "and the kernel moves on by the stride; these values form the feature map."),
        ),
        MultipleChoice(
            "q2", T("Kernel एक छोटा सीखा जाने वाला (learnable) weights का matrix है जो image पर फिसलता है। इसका आकार "
                    "(जैसे 3×3) छोटा क्यों रखा जाता है? सभी सही कारण चुनिए।",
                    "A kernel is a small learnable matrix of weights that slides over the image. Why is its size kept "
                    "small (e.g. 3×3)? Choose every correct reason."),
            [T("कम parameters: 3×3 kernel के केवल 9 weights प्रति input channel होते हैं",
               "few parameters: a 3×3 kernel has only 9 weights per input channel"),
             T("पास के pixels आपस में सबसे ज़्यादा जुड़े होते हैं (locality), इसलिए छोटी window काफ़ी है",
               "nearby pixels are the most related (locality), so a small window is enough"),
             T("कई छोटी layers एक के ऊपर रखने से देखने का दायरा (receptive field) बढ़ता है: दो 3×3 = 5×5",
               "stacking several small layers grows the receptive field: two 3×3 = 5×5"),
             T("छोटा kernel पूरी image एक साथ देख लेता है", "a small kernel sees the whole image at once"),
             T("PyTorch केवल 3×3 kernels की अनुमति देता है", "PyTorch only allows 3×3 kernels")],
            ["a", "b", "c"],
            why={"d": T("उल्टा: छोटा kernel केवल एक छोटी window देखता है।", "the opposite: a small kernel sees only a small "
                        "window."),
                 "e": T("nn.Conv2d कोई भी kernel_size लेता है (जैसे 5, 7, 11)।",
                        "nn.Conv2d accepts any kernel_size (e.g. 5, 7, 11).")},
            hints=[T("तीन कारण सही हैं।", "Three reasons are right."),
                   T("दो 3×3 layers के बाद एक output pixel कितने input pixels पर निर्भर है?",
                     "After two 3×3 layers, how many input pixels does one output pixel depend on?")],
            solution='q2_answer = ["a", "b", "c"]', wrong=["a", "d"],
            explanation=T("छोटे kernels: कम parameters और कम गणना, locality की धारणा के अनुरूप, और गहराई से बड़ा receptive "
                          "field — दो 3×3 layers (18 weights) 5×5 (25 weights) जितना देखती हैं, बीच में एक और "
                          "non-linearity के साथ।",
                          "Small kernels: fewer parameters and less computation, matching the locality assumption, and "
                          "depth gives a large receptive field — two 3×3 layers (18 weights) see as much as one 5×5 "
                          "(25 weights), with one more non-linearity in between."),
        ),
        MultipleChoice(
            "q3", T("Convolution में parameter sharing (वही kernel हर position पर) का क्या फ़ायदा है? सभी सही विकल्प चुनिए।",
                    "What is the benefit of parameter sharing in convolution (the same kernel at every position)? "
                    "Choose every correct option."),
            [T("parameters बहुत कम होते हैं और image के आकार पर निर्भर नहीं करते",
               "far fewer parameters, independent of the image size"),
             T("जो feature (जैसे edge) एक जगह पहचानना सीखा, वह image में हर जगह पहचाना जाता है",
               "a feature (such as an edge) learned at one place is detected everywhere in the image"),
             T("network rotation के प्रति invariant हो जाता है", "the network becomes invariant to rotation"),
             T("activation function (non-linearity) की ज़रूरत नहीं रहती", "no activation function (non-linearity) is needed")],
            ["a", "b"],
            why={"c": T("Convolution केवल खिसकाने (translation) के प्रति equivariant है, rotation के प्रति नहीं।",
                        "convolution is equivariant to translation only, not to rotation."),
                 "d": T("Convolution linear है; non-linearity (जैसे ReLU) फिर भी चाहिए।",
                        "convolution is linear; a non-linearity (such as ReLU) is still needed.")},
            hints=[T("32×32 image पर 3×3 conv (10 parameters) और dense layer (1,049,600) की तुलना याद कीजिए।",
                     "Recall the 3×3 conv (10 parameters) against the dense layer (1,049,600) on a 32×32 image."),
                   T("दो विकल्प सही हैं।", "Two options are right.")],
            solution='q3_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("Sharing से parameters C_out·C_in·k² + C_out रह जाते हैं, चाहे image कितनी भी बड़ी हो, "
                          "और वही detector हर जगह लगता है (translation equivariance)।",
                          "Sharing leaves C_out·C_in·k² + C_out parameters however large the image, and the "
                          "same detector is applied everywhere (translation equivariance)."),
        ),
        Code(
            "q4", T("PyTorch में 2D convolution: एक layer `q4_answer` बनाइए जो RGB images (3 channels) लेकर 16 feature maps "
                    "बनाए, 3×3 kernels के साथ, और 32×32 image का आकार बनाए रखे (stride 1)।",
                    "2D convolution in PyTorch: create a layer `q4_answer` that takes RGB images (3 channels) and "
                    "produces 16 feature maps with 3×3 kernels, keeping the size of a 32×32 image (stride 1)."),
            grader=_grade_conv_layer,
            hints=[T("nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)",
                     "nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)"),
                   T("आकार बनाए रखने के लिए 'same' padding: p = (k − 1)/2 = 1।",
                     "To keep the size use 'same' padding: p = (k − 1)/2 = 1.")],
            solution="q4_answer = nn.Conv2d(3, 16, kernel_size=3, padding=1)",
            wrong=nn.Conv2d(3, 16, kernel_size=3),
        ),
        Shape(
            "q5", T("Padding और stride output के shape को बदलते हैं। `nn.Conv2d(3, 8, kernel_size=5, stride=2, padding=2)` "
                    "को (4, 3, 32, 32) shape के input पर लगाने से output का shape क्या होगा?",
                    "Padding and stride change the output shape. What is the output shape of "
                    "`nn.Conv2d(3, 8, kernel_size=5, stride=2, padding=2)` applied to an input of shape (4, 3, 32, 32)?"),
            (4, 8, 16, 16), meaning="(batch, out_channels, H_out, W_out)",
            hints=[T("Batch वही रहता है; channels = out_channels।", "The batch stays the same; channels = out_channels."),
                   T("H_out = ⌊(32 + 2·2 − 5)/2⌋ + 1", "H_out = ⌊(32 + 2·2 − 5)/2⌋ + 1")],
            solution="q5_answer = (4, 8, 16, 16)", wrong=(4, 8, 32, 32),
            explanation=T("⌊(32 + 4 − 5)/2⌋ + 1 = ⌊15.5⌋ + 1 = 16। Padding output को बड़ा करता है (यहाँ p = 2 अकेले "
                          "'same' रखता), stride उसे लगभग s गुना छोटा।",
                          "⌊(32 + 4 − 5)/2⌋ + 1 = ⌊15.5⌋ + 1 = 16. Padding makes the output larger (p = 2 alone would "
                          "keep it 'same'), the stride makes it about s times smaller."),
        ),
        Code(
            "q6", T("Function `out_size(n, k, s, p)` लिखिए जो input आकार n, kernel k, stride s और padding p के लिए "
                    "output का आकार (एक पूर्णांक, integer) लौटाए।",
                    "Write a function `out_size(n, k, s, p)` that returns the output size (an integer) for input size "
                    "n, kernel k, stride s and padding p."),
            reference=_out_size,
            cases=[Case((5, 3, 1, 0), about=T("स्रोत का उदाहरण: 5×5 पर 3×3", "the source's example: 3×3 over 5×5")),
                   Case((32, 3, 1, 1), about=T("'same' padding", "'same' padding")),
                   Case((32, 3, 2, 1), about=T("stride 2: (32 + 2 − 3)/2 = 15.5 → floor 15, फिर +1",
                                               "stride 2: (32 + 2 − 3)/2 = 15.5 → floor 15, then +1")),
                   Case((28, 5, 2, 1), about=T("floor ज़रूरी है", "the floor matters")),
                   Case((224, 7, 2, 3), about=T("ResNet की पहली layer", "ResNet's first layer")),
                   Case((7, 3, 3, 0), about=T("stride 3", "stride 3"))],
            answer_name="out_size",
            starter="def out_size(n, k, s, p):\n    return ____",
            solution="def out_size(n, k, s, p):\n    return (n + 2 * p - k) // s + 1   # floor division, then +1",
            wrong=lambda n, k, s, p: (n + 2 * p - k) / s + 1,
            hints=[T("सूत्र: ⌊(n + 2p − k)/s⌋ + 1", "The formula: ⌊(n + 2p − k)/s⌋ + 1"),
                   T("Python में floor division `//` है; `/` दशमलव (float) देता है।",
                     "In Python, floor division is `//`; `/` gives a decimal (float).")],
            explanation=T("kernel आख़िरी पूरे क़दम तक ही जा सकता है, इसलिए नीचे की ओर पूर्णांक (floor)।",
                          "the kernel can only go as far as the last whole step, hence the floor."),
        ),
        Numeric(
            "q7", T("`nn.Conv2d(3, 64, kernel_size=3)` में कितने parameters हैं (weights और biases)? क्या यह 224×224 "
                    "image के लिए 32×32 से अलग होगा?",
                    "How many parameters does `nn.Conv2d(3, 64, kernel_size=3)` have (weights and biases)? Would it "
                    "differ for a 224×224 image compared with a 32×32 one?"),
            64 * 3 * 3 * 3 + 64, rel_tol=0, abs_tol=0.5,
            mistakes={64 * 3 * 3 * 3: T("यह केवल weights हैं — हर output channel का 1 bias भी जोड़िए (64)।",
                                        "that is the weights only — add 1 bias per output channel (64)."),
                      64 * 3 * 3 + 64: T("हर kernel सभी 3 input channels पर फैला है: weight का shape (64, 3, 3, 3) है।",
                                         "every kernel spans all 3 input channels: the weight has shape (64, 3, 3, 3)."),
                      3 * 3 * 3 + 1: T("यह एक kernel (एक output channel) के parameters हैं; 64 kernels हैं।",
                                       "that is one kernel (one output channel); there are 64 kernels.")},
            hints=[T("weight का shape (C_out, C_in, k, k) = (64, 3, 3, 3)।", "The weight has shape (C_out, C_in, k, k) = "
                     "(64, 3, 3, 3)."),
                   T("और C_out = 64 biases।", "Plus C_out = 64 biases.")],
            solution="q7_answer = 64 * 3 * 3 * 3 + 64", wrong=64 * 3 * 3 * 3,
            explanation=T("64·3·3·3 + 64 = 1792, और image का आकार इसमें कहीं नहीं आता — 224×224 पर भी 1792 (parameter "
                          "sharing)।",
                          "64·3·3·3 + 64 = 1792, and the image size appears nowhere — still 1792 for 224×224 "
                          "(parameter sharing)."),
        ),
        Code(
            "q8", T("एक channel के लिए 2D convolution ख़ुद लिखिए: `conv2d_single(image, kernel)`, जहाँ image (H, W) और "
                    "kernel (kH, kW) tensors हैं; stride 1, padding नहीं। Output `F.conv2d` जैसा होना चाहिए "
                    "(F.conv2d बुलाए बिना)।",
                    "Write 2D convolution for one channel yourself: `conv2d_single(image, kernel)`, where image is an "
                    "(H, W) and kernel a (kH, kW) tensor; stride 1, no padding. The output must equal `F.conv2d` "
                    "(without calling F.conv2d)."),
            grader=_grade_conv2d_single, answer_name="conv2d_single",
            starter=CONV2D_STARTER, solution=CONV2D_SOLUTION,
            wrong=lambda image, kernel: torch.stack([
                torch.stack([(image[i:i + kernel.shape[0], j:j + kernel.shape[1]] * kernel.flip(0, 1)).sum()
                             for j in range(image.shape[1] - kernel.shape[1] + 1)])
                for i in range(image.shape[0] - kernel.shape[0] + 1)]),
            hints=[T("Output का आकार (H − kH + 1, W − kW + 1) है।", "The output has size (H − kH + 1, W − kW + 1)."),
                   T("out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum() — kernel उलटे बिना।",
                     "out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum() — without flipping the kernel.")],
        ),
        Code(
            "q9", T("खड़े (vertical) edges पहचानने वाला 3×3 kernel डिज़ाइन कीजिए: function `vertical_edge_kernel()` उसे "
                    "(3, 3) tensor के रूप में लौटाए। Checker उसे तीन images पर लगाएगा: सपाट (response 0 होना चाहिए), "
                    "खड़ा edge (बड़ा response) और आड़ा edge (छोटा response)।",
                    "Design a 3×3 kernel that detects vertical edges: the function `vertical_edge_kernel()` returns it "
                    "as a (3, 3) tensor. The checker applies it to three images: flat (the response must be 0), a "
                    "vertical edge (a large response) and a horizontal edge (a small response)."),
            grader=_grade_vertical_kernel, answer_name="vertical_edge_kernel",
            starter="def vertical_edge_kernel():\n    return torch.tensor(____)",
            solution=("def vertical_edge_kernel():\n    return torch.tensor([[-1., 0., 1.],\n"
                      "                         [-2., 0., 2.],\n                         [-1., 0., 1.]])   # Sobel x"),
            wrong=lambda: torch.tensor([[-1., -2., -1.], [0., 0., 0.], [1., 2., 1.]]),
            hints=[T("खड़ा edge = बाएँ से दाएँ चमक में बदलाव। बायाँ column ऋणात्मक, दायाँ धनात्मक।",
                     "A vertical edge = a change in brightness from left to right. Left column negative, right column "
                     "positive."),
                   T("मानों का योग 0 रखिए ताकि सपाट हिस्से पर 0 आए; हर पंक्ति में बायाँ ऋणात्मक, दायाँ धनात्मक।",
                     "Make the values sum to 0 so that flat regions give 0; in every row, negative left and positive right."),
                   T("Notebook का Sobel x देखिए।", "Look at Sobel x in the notebook.")],
        ),
        MultipleChoice(
            "q10", T("स्रोत नोट्स कहते हैं कि convolution \"translation invariant\" है। मान लीजिए input image को 5 pixels "
                     "दाएँ खिसका दिया (बाक़ी सब वही)। 3×3 conv layer (stride 1, 'same' padding) के feature map का क्या होगा?",
                     "The source notes say convolution is \"translation invariant\". Suppose the input image is shifted "
                     "5 pixels to the right (nothing else changes). What happens to the feature map of a 3×3 conv layer "
                     "(stride 1, 'same' padding)?"),
            [T("वह बिल्कुल वैसा ही रहता है (invariant)", "it stays exactly the same (invariant)"),
             T("वह भी 5 pixels दाएँ खिसक जाता है; किनारों को छोड़कर मान वही (equivariant)",
               "it also shifts 5 pixels to the right; away from the borders the values are the same (equivariant)"),
             T("वह 5 pixels बाएँ खिसक जाता है, क्योंकि kernel उलटा होता है",
               "it shifts 5 pixels to the left, because the kernel is flipped"),
             T("उसके मान पूरी तरह बदल जाते हैं", "its values change completely")],
            "b",
            why={"a": T("Invariance (बिल्कुल न बदलना) convolution से नहीं, बाद में pooling / global pooling से आती है; "
                        "conv का feature map input के साथ खिसकता है।",
                        "invariance (no change at all) does not come from convolution but later, from pooling / global "
                        "pooling; the conv feature map moves with the input."),
                 "c": T("Kernel उलटा हो या नहीं, output उसी दिशा में खिसकता है जिसमें input।",
                        "flipped kernel or not, the output moves in the same direction as the input."),
                 "d": T("वही kernel हर जगह लगता है (parameter sharing), इसलिए वही pattern वही मान देता है — बस नई जगह पर।",
                        "the same kernel is applied everywhere (parameter sharing), so the same pattern gives the "
                        "same values — just at the new place.")},
            hints=[T("Notebook के section 7.3 में conv(shift(x)) की तुलना किससे की गई?",
                     "In section 7.3 of the notebook, what was conv(shift(x)) compared with?"),
                   T("Invariant = बदलता नहीं; equivariant = input के साथ-साथ बदलता है।",
                     "Invariant = does not change; equivariant = changes along with the input.")],
            solution='q10_answer = "b"', wrong="a",
            explanation=T("Convolution translation *equivariant* है: conv(shift(x)) = shift(conv(x)) (किनारों को छोड़कर)। "
                          "स्रोत का \"invariance\" शब्द ग़लत है; invariance pooling / global pooling से आती है।",
                          "Convolution is translation *equivariant*: conv(shift(x)) = shift(conv(x)) (away from the "
                          "borders). The source's word \"invariance\" is imprecise; invariance comes from pooling / "
                          "global pooling."),
        ),
    ]
