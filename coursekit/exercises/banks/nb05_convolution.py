"""Practice 05 (convolution): the source's 5 questions, output sizes, parameter counts, a 2D convolution
written by hand and checked against F.conv2d, and a vertical-edge kernel."""
import torch
import torch.nn.functional as F
from torch import nn

from ...i18n import T
from ..codecheck import Case, Code
from ..kinds import MultipleChoice, Numeric, Shape
from ._nb05_graders import grade_conv2d_single, grade_conv_layer, grade_vertical_kernel

TITLE = T("कन्वोल्यूशन (convolution)", "Convolution")
INTRO = T(
    "ये प्रश्न notebook `05_convolution` पर आधारित हैं: पहले 5 प्रश्न स्रोत नोट्स के हैं, फिर output का आकार, "
    "parameters की गिनती, अपना 2D convolution function और एक edge detector kernel।",
    "These questions follow the notebook `05_convolution`: the first 5 are the source notes' questions, then the "
    "output size, parameter counts, your own 2D convolution function and an edge-detector kernel.",
)
SETUP = "import torch\nimport torch.nn.functional as F\nfrom torch import nn"

_out_size = lambda n, k, s=1, p=0: (n + 2 * p - k) // s + 1


# ---------------------------------------------------------------- known-wrong answers
_wrong_out_size_one_padding = lambda n, k, s, p: (n + p - k) // s + 1  # padding is added on *both* sides: 2p
_wrong_out_size_no_plus_one = lambda n, k, s, p: (n + 2 * p - k) // s


def _wrong_out_size_rounded(n, k, s, p):
    return round((n + 2 * p - k) / s) + 1       # rounds 15.5 up to 16: the kernel cannot take half a step


_conv_helper = lambda image, kernel: F.conv2d(image[None, None], kernel[None, None])[0, 0]


def _wrong_conv_via_helper(image, kernel):
    return _conv_helper(image, kernel)          # F.conv2d hidden in a helper (reliability review, 05 q8)


def _wrong_conv_layer(image, kernel):
    conv = nn.Conv2d(1, 1, kernel.shape, bias=False)
    with torch.no_grad():
        conv.weight.copy_(kernel[None, None])
        return conv(image[None, None])[0, 0]


def _wrong_conv_flipped(image, kernel):
    kh, kw = kernel.shape
    return torch.stack([torch.stack([(image[i:i + kh, j:j + kw] * kernel.flip(0, 1)).sum()
                                     for j in range(image.shape[1] - kw + 1)]) for i in range(image.shape[0] - kh + 1)])


def _wrong_conv_no_return(image, kernel):
    kh, kw = kernel.shape
    out = torch.zeros(image.shape[0] - kh + 1, image.shape[1] - kw + 1)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()


def _wrong_conv_off_by_one(image, kernel):
    kh, kw = kernel.shape
    out = torch.zeros(image.shape[0] - kh, image.shape[1] - kw)     # H − kH: one row and column short
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
    return out


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
        MultipleChoice("q1",
            T("Convolution operation image पर कैसे काम करता है? एक position पर conv layer क्या गणना करती है?",
              "How does the convolution operation work on an image? What does a conv layer compute at one position?"),
            [T("kernel के नीचे की window और kernel का element-wise गुणनफल लेकर सबका योग (और bias जोड़कर) — output का एक मान",
               "the element-wise product of the window under the kernel with the kernel, summed (plus the bias) — one "
               "output value"),
             T("window और kernel का matrix multiplication (window @ kernel) — output का एक 3×3 block",
               "the matrix product of the window and the kernel (window @ kernel) — a 3×3 block of the output"),
             T("window के pixels का सादा औसत (average)", "the plain average of the window's pixels"),
             T("पूरी image का kernel से element-wise गुणनफल, एक ही बार में",
               "the element-wise product of the whole image with the kernel, in one go")],
            "a",
            why={"b": T("matrix multiplication (@) row × column करता है; convolution आमने-सामने के मानों को गुणा करता है और "
                        "एक संख्या देता है।",
                        "a matrix product (@) combines rows with columns; convolution multiplies the values facing "
                        "each other and gives one number."),
                 "c": T("औसत केवल एक ख़ास kernel (box blur, सब मान 1/9) का नतीजा है; आम तौर पर kernel के मान सीखे जाते हैं।",
                        "an average is what one special kernel (box blur, all values 1/9) gives; in general the kernel "
                        "values are learned."),
                 "d": T("kernel छोटा होता है और image पर फिसलता (slide) है; हर position पर एक मान बनता है।",
                        "the kernel is small and slides over the image; each position gives one value.")},
            hints=[T("notebook के section 2 में स्रोत नोट्स वाले 5×5 उदाहरण की position (0, 0) का हिसाब याद कीजिए: window, "
                     "गुणनफल, योग।",
                     "Recall position (0, 0) of the source notes' 5×5 example in section 2 of the notebook: window, "
                     "product, sum."),
                   T("हर position से output feature map का ठीक एक मान बनता है।",
                     "Each position gives exactly one value of the output feature map.")],
            solution='q1_answer = "a"', wrong="b",
            explanation=T("Kernel हर position पर रखा जाता है, आमने-सामने के मान गुणा होकर जुड़ते हैं (+ bias), और kernel stride "
                          "जितना आगे खिसकता है; इन मानों से feature map बनता है।",
                          "The kernel is placed at each position, the facing values are multiplied and added (+ bias), "
                          "and the kernel moves on by the stride; these values form the feature map.")),
        MultipleChoice("q2", T("Kernel weights का एक छोटा, सीखा जाने वाला (learnable) matrix है जो image पर फिसलता है। "
                               "इसका आकार (जैसे 3×3) छोटा क्यों रखा जाता है? सभी सही कारण चुनिए।",
                               "A kernel is a small learnable matrix of weights that slides over the image. Why is its "
                               "size kept small (e.g. 3×3)? Choose every correct reason."),
            [T("कम parameters: 3×3 kernel के केवल 9 weights प्रति input channel होते हैं",
               "few parameters: a 3×3 kernel has only 9 weights per input channel"),
             T("पास के pixels आपस में सबसे ज़्यादा जुड़े होते हैं (locality), इसलिए छोटी window काफ़ी है",
               "nearby pixels are the most related (locality), so a small window is enough"),
             T("कई छोटी layers एक के ऊपर एक रखने से देखने का दायरा (receptive field) बढ़ता है: दो 3×3 = 5×5",
               "stacking several small layers grows the receptive field: two 3×3 = 5×5"),
             T("छोटा kernel पूरी image एक साथ देख लेता है", "a small kernel sees the whole image at once"),
             T("PyTorch केवल 3×3 kernels की अनुमति देता है", "PyTorch only allows 3×3 kernels")],
            ["a", "b", "c"],
            why={"d": T("इसका उलटा: छोटा kernel केवल एक छोटी window देखता है।",
                        "the opposite: a small kernel sees only a small window."),
                 "e": T("nn.Conv2d कोई भी kernel_size लेता है (जैसे 5, 7, 11)।",
                        "nn.Conv2d accepts any kernel_size (e.g. 5, 7, 11).")},
            hints=[T("तीन कारण सही हैं।", "Three reasons are right."),
                   T("दो 3×3 layers के बाद एक output pixel कितने input pixels पर निर्भर है?",
                     "After two 3×3 layers, how many input pixels does one output pixel depend on?")],
            solution='q2_answer = ["a", "b", "c"]', wrong=["a", "d"],
            explanation=T("छोटे kernels: कम parameters और कम गणना, locality की धारणा के अनुरूप, और गहराई से बड़ा receptive "
                          "field — दो 3×3 layers (18 weights) 5×5 (25 weights) जितना देखती हैं, बीच में एक और non-linearity "
                          "के साथ।",
                          "Small kernels: fewer parameters and less computation, matching the locality assumption, and "
                          "depth gives a large receptive field — two 3×3 layers (18 weights) see as much as one 5×5 "
                          "(25 weights), with one more non-linearity in between.")),
        MultipleChoice("q3",
            T("Convolution में parameter sharing (वही kernel हर position पर) का क्या फ़ायदा है? सभी सही विकल्प चुनिए।",
              "What is the benefit of parameter sharing in convolution (the same kernel at every position)? Choose "
              "every correct option."),
            [T("parameters बहुत कम होते हैं और image के आकार पर निर्भर नहीं करते",
               "far fewer parameters, independent of the image size"),
             T("network जो feature (जैसे edge) एक जगह पहचानना सीखता है, उसे image में हर जगह पहचान लेता है",
               "a feature (such as an edge) learned at one place is detected everywhere in the image"),
             T("network rotation के प्रति invariant हो जाता है", "the network becomes invariant to rotation"),
             T("activation function (non-linearity) की ज़रूरत नहीं रहती",
               "no activation function (non-linearity) is needed")],
            ["a", "b"],
            why={"c": T("Convolution केवल खिसकाने (translation) के प्रति equivariant है, rotation के प्रति नहीं।",
                        "convolution is equivariant to translation only, not to rotation."),
                 "d": T("Convolution linear है; non-linearity (जैसे ReLU) फिर भी चाहिए।",
                        "convolution is linear; a non-linearity (such as ReLU) is still needed.")},
            hints=[T("32×32 image पर 3×3 conv (10 parameters) और dense layer (1,049,600) की तुलना याद कीजिए।",
                     "Recall the 3×3 conv (10 parameters) against the dense layer (1,049,600) on a 32×32 image."),
                   T("दो विकल्प सही हैं।", "Two options are right.")],
            solution='q3_answer = ["a", "b"]', wrong=["a", "c"],
            explanation=T("Sharing से parameters C_out·C_in·k² + C_out रह जाते हैं, चाहे image कितनी भी बड़ी हो, और वही "
                          "detector हर जगह लगता है (translation equivariance)।",
                          "Sharing leaves C_out·C_in·k² + C_out parameters however large the image, and the same "
                          "detector is applied everywhere (translation equivariance).")),
        Code("q4", T("PyTorch में 2D convolution: एक layer `q4_answer` बनाइए जो RGB images (3 channels) लेकर 16 feature "
                     "maps बनाए, 3×3 kernels के साथ, और 32×32 image का आकार बनाए रखे (stride 1)।",
                     "2D convolution in PyTorch: create a layer `q4_answer` that takes RGB images (3 channels) and "
                     "produces 16 feature maps with 3×3 kernels, keeping the size of a 32×32 image (stride 1)."),
            grader=grade_conv_layer,
            hints=[T("nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)",
                     "nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0)"),
                   T("आकार बनाए रखने के लिए 'same' padding: p = (k − 1)/2 = 1।",
                     "To keep the size use 'same' padding: p = (k − 1)/2 = 1.")],
            solution="q4_answer = nn.Conv2d(3, 16, kernel_size=3, padding=1)",
            wrongs=[nn.Conv2d(3, 16, kernel_size=3),
                    nn.Conv2d(3, 16, kernel_size=5, padding=2),
                    nn.Conv2d(16, 3, 3, padding=1),
                    nn.Conv2d(3, 16, 3, stride=2, padding=1),
                    nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.Conv2d(16, 16, 3, padding=1))]),
        Shape("q5", T("Padding और stride output के shape को बदलते हैं। `nn.Conv2d(3, 8, kernel_size=5, stride=2, "
                      "padding=2)` को (4, 3, 32, 32) shape के input पर लगाने से output का shape क्या होगा?",
                      "Padding and stride change the output shape. What is the output shape of `nn.Conv2d(3, 8, "
                      "kernel_size=5, stride=2, padding=2)` applied to an input of shape (4, 3, 32, 32)?"),
            (4, 8, 16, 16), meaning="(batch, out_channels, H_out, W_out)",
            hints=[T("Batch वही रहता है; channels = out_channels।",
                     "The batch stays the same; channels = out_channels."),
                   T("H_out = ⌊(32 + 2·2 − 5)/2⌋ + 1", "H_out = ⌊(32 + 2·2 − 5)/2⌋ + 1")],
            solution="q5_answer = (4, 8, 16, 16)", wrong=(4, 8, 32, 32), wrongs=[(4, 8, 16.5, 16.5), (4, 3, 16, 16)],
            explanation=T("⌊(32 + 4 − 5)/2⌋ + 1 = ⌊15.5⌋ + 1 = 16। Padding output को बड़ा करता है (यहाँ अकेला p = 2 आकार को 'same' "
                          "रखता), stride उसे लगभग s गुना छोटा।",
                          "⌊(32 + 4 − 5)/2⌋ + 1 = ⌊15.5⌋ + 1 = 16. Padding makes the output larger (p = 2 alone would "
                          "keep it 'same'), the stride makes it about s times smaller.")),
        Code("q6", T("Function `out_size(n, k, s, p)` लिखिए जो input आकार n, kernel k, stride s और padding p के लिए "
                     "output का आकार (एक पूर्णांक, integer) लौटाए।",
                     "Write a function `out_size(n, k, s, p)` that returns the output size (an integer) for input size "
                     "n, kernel k, stride s and padding p."),
            reference=_out_size,
            cases=[Case((5, 3, 1, 0), about=T("स्रोत नोट्स का उदाहरण: 5×5 पर 3×3", "the source's example: 3×3 over 5×5")),
                   Case((32, 3, 1, 1), about=T("'same' padding", "'same' padding")),
                   Case((32, 3, 2, 1),
                        about=T("stride 2: (32 + 2 − 3)/2 = 15.5 → floor 15, फिर +1",
                                "stride 2: (32 + 2 − 3)/2 = 15.5 → floor 15, then +1")),
                   Case((28, 5, 2, 1), about=T("floor ज़रूरी है", "the floor matters")),
                   Case((224, 7, 2, 3), about=T("ResNet की पहली layer", "ResNet's first layer")),
                   Case((7, 3, 3, 0), about=T("stride 3", "stride 3"))],
            answer_name="out_size", starter="def out_size(n, k, s, p):\n    return ____",
            solution="def out_size(n, k, s, p):\n    return (n + 2 * p - k) // s + 1   # floor division, then +1",
            wrongs=[lambda n, k, s, p: (n + 2 * p - k) / s + 1, _wrong_out_size_one_padding,
                    _wrong_out_size_no_plus_one, _wrong_out_size_rounded],
            hints=[T("सूत्र: ⌊(n + 2p − k)/s⌋ + 1", "The formula: ⌊(n + 2p − k)/s⌋ + 1"),
                   T("Python में floor division `//` है; `/` दशमलव (float) देता है।",
                     "In Python, floor division is `//`; `/` gives a decimal (float).")],
            explanation=T("kernel आख़िरी पूरे क़दम तक ही जा सकता है, इसलिए नीचे वाला पूर्णांक लेते हैं (floor)।",
                          "the kernel can only go as far as the last whole step, hence the floor.")),
        Numeric("q7", T("`nn.Conv2d(3, 64, kernel_size=3)` में कितने parameters हैं (weights और biases)? क्या यह 224×224 "
                        "image के लिए 32×32 से अलग होगा?",
                        "How many parameters does `nn.Conv2d(3, 64, kernel_size=3)` have (weights and biases)? Would "
                        "it differ for a 224×224 image compared with a 32×32 one?"),
            64 * 3 * 3 * 3 + 64, rel_tol=0, abs_tol=1e-6,
            mistakes={64 * 3 * 3 * 3: T("ये केवल weights हैं — हर output channel का 1 bias भी जोड़िए (64)।",
                                        "that is the weights only — add 1 bias per output channel (64)."),
                      64 * 3 * 3 + 64: T("हर kernel सभी 3 input channels पर फैला है: weight का shape (64, 3, 3, 3) है।",
                                         "every kernel spans all 3 input channels: the weight has shape (64, 3, 3, "
                                         "3)."),
                      3 * 3 * 3 + 1: T("ये एक kernel (एक output channel) के parameters हैं; 64 kernels हैं।",
                                       "that is one kernel (one output channel); there are 64 kernels.")},
            hints=[T("weight का shape (C_out, C_in, k, k) = (64, 3, 3, 3)।",
                     "The weight has shape (C_out, C_in, k, k) = (64, 3, 3, 3)."),
                   T("और C_out = 64 biases।", "Plus C_out = 64 biases.")],
            solution="q7_answer = 64 * 3 * 3 * 3 + 64", wrong=64 * 3 * 3 * 3,
            explanation=T("64·3·3·3 + 64 = 1792, और image का आकार इसमें कहीं नहीं आता — 224×224 पर भी 1792 (parameter "
                          "sharing)।",
                          "64·3·3·3 + 64 = 1792, and the image size appears nowhere — still 1792 for 224×224 "
                          "(parameter sharing).")),
        Code("q8", T("एक channel के लिए 2D convolution ख़ुद लिखिए: `conv2d_single(image, kernel)`, जहाँ image (H, W) और "
                     "kernel (kH, kW) tensors हैं; stride 1, padding नहीं। Output `F.conv2d` के output के बराबर होना चाहिए, पर हिसाब "
                     "loops से ख़ुद कीजिए (`F.conv2d` या `nn.Conv2d` चलाए बिना)।",
                     "Write 2D convolution for one channel yourself: `conv2d_single(image, kernel)`, where image is an "
                     "(H, W) and kernel a (kH, kW) tensor; stride 1, no padding. The output must equal `F.conv2d`, but "
                     "compute it yourself with loops (without calling `F.conv2d` or `nn.Conv2d`)."),
            grader=grade_conv2d_single, answer_name="conv2d_single", starter=CONV2D_STARTER, solution=CONV2D_SOLUTION,
            wrongs=[_wrong_conv_flipped, _wrong_conv_via_helper, _wrong_conv_layer, _wrong_conv_no_return,
                    _wrong_conv_off_by_one],
            hints=[T("Output का आकार (H − kH + 1, W − kW + 1) है।", "The output has size (H − kH + 1, W − kW + 1)."),
                   T("out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum() — kernel उलटे बिना।",
                     "out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum() — without flipping the kernel.")]),
        Code(
            "q9", T("खड़े (vertical) edges पहचानने वाला 3×3 kernel डिज़ाइन कीजिए: function `vertical_edge_kernel()` उसे "
                    "(3, 3) tensor के रूप में लौटाए। Checker उसे सपाट image (response 0 होना चाहिए), खड़े edges (बड़ा response) "
                    "और आड़े edges (छोटा response) पर लगाएगा; responses को kernel के norm ‖k‖ से भाग देगा, इसलिए "
                    "पैमाना (scale) कोई भी चलेगा।",
                    "Design a 3×3 kernel that detects vertical edges: the function `vertical_edge_kernel()` returns it "
                    "as a (3, 3) tensor. The checker applies it to a flat image (the response must be 0), vertical edges (a "
                    "large response) and horizontal edges (a small response); it divides the responses by the kernel's "
                    "norm ‖k‖, so any scale works."),
            grader=grade_vertical_kernel, answer_name="vertical_edge_kernel",
            starter="def vertical_edge_kernel():\n    return torch.tensor(____)",
            solution=("def vertical_edge_kernel():\n    return torch.tensor([[-1., 0., 1.],\n"
                      "                         [-2., 0., 2.],\n                         [-1., 0., 1.]])   # Sobel x"),
            wrongs=[lambda: torch.tensor([[-1., -2., -1.], [0., 0., 0.], [1., 2., 1.]]),      # Sobel y: horizontal edges
                    lambda: torch.tensor([[0., 1., 0.], [1., -4., 1.], [0., 1., 0.]]),        # Laplacian: every edge
                    lambda: torch.tensor([[0., 0., 0.], [0., 1., 0.], [0., 0., 0.]]),         # identity: not an edge
                    lambda: torch.zeros(3, 3), lambda: torch.tensor([[-1., 0., 1.]])],
            hints=[T("खड़ा edge = बाएँ से दाएँ चमक में बदलाव। बायाँ column ऋणात्मक, दायाँ धनात्मक।",
                     "A vertical edge = a change in brightness from left to right. Left column negative, right column "
                     "positive."),
                   T("मानों का योग 0 रखिए ताकि सपाट हिस्से पर 0 आए; हर row में बायाँ ऋणात्मक, दायाँ धनात्मक।",
                     "Make the values sum to 0 so that flat regions give 0; in every row, negative left and positive right."),
                   T("Notebook का Sobel x देखिए।", "Look at Sobel x in the notebook.")],),
        MultipleChoice("q10",
            T("स्रोत नोट्स कहते हैं कि convolution \"translation invariant\" है। मान लीजिए input image को 5 pixels दाएँ खिसका "
              "दिया (बाक़ी सब वही)। 3×3 conv layer (stride 1, 'same' padding) के feature map का क्या होगा?",
              "The source notes say convolution is \"translation invariant\". Suppose the input image is shifted 5 "
              "pixels to the right (nothing else changes). What happens to the feature map of a 3×3 conv layer (stride "
              "1, 'same' padding)?"),
            [T("वह बिल्कुल वैसा ही रहता है (invariant)", "it stays exactly the same (invariant)"),
             T("वह भी 5 pixels दाएँ खिसक जाता है; किनारों को छोड़कर मान वही (equivariant)",
               "it also shifts 5 pixels to the right; away from the borders the values are the same (equivariant)"),
             T("वह 5 pixels बाएँ खिसक जाता है, क्योंकि kernel उलटा होता है",
               "it shifts 5 pixels to the left, because the kernel is flipped"),
             T("उसके मान पूरी तरह बदल जाते हैं", "its values change completely")],
            "b",
            why={"a": T("Invariance (बिल्कुल न बदलना) convolution से नहीं, बाद में pooling / global pooling से आती है; conv का "
                        "feature map input के साथ खिसकता है।",
                        "invariance (no change at all) does not come from convolution but later, from pooling / global "
                        "pooling; the conv feature map moves with the input."),
                 "c": T("Kernel उलटा हो या नहीं, output उसी दिशा में खिसकता है जिसमें input।",
                        "flipped kernel or not, the output moves in the same direction as the input."),
                 "d": T("वही kernel हर जगह लगता है (parameter sharing), इसलिए वही pattern वही मान देता है — बस नई जगह पर।",
                        "the same kernel is applied everywhere (parameter sharing), so the same pattern gives the same "
                        "values — just at the new place.")},
            hints=[T("Notebook के section 7.3 में conv(shift(x)) की तुलना किससे की गई?",
                     "In section 7.3 of the notebook, what was conv(shift(x)) compared with?"),
                   T("Invariant = बदलता नहीं; equivariant = input के साथ-साथ बदलता है।",
                     "Invariant = does not change; equivariant = changes along with the input.")],
            solution='q10_answer = "b"', wrong="a",
            explanation=T('Convolution translation *equivariant* है: conv(shift(x)) = shift(conv(x)) (किनारों को छोड़कर)। '
                          'स्रोत नोट्स का "invariance" शब्द सटीक नहीं है; invariance pooling / global pooling से आती है।',
                          "Convolution is translation *equivariant*: conv(shift(x)) = shift(conv(x)) (away from the "
                          "borders). The source's word \"invariance\" is imprecise; invariance comes from pooling / "
                          "global pooling.")),
    ]
