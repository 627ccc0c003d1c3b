"""Checks for the code questions of practice 07: the transform pipeline, the fixed source CNN, predicting one
image, and loading a checkpoint safely."""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ...i18n import T
from ..core import ok, to_cpu, wrong
from ..modcheck import compare_modules, random_inputs
from ._nb06_graders import build_model, forward_problem, keeps_rng, seeded, squash_at_end


# ---------------------------------------------------------------- q13: the transform pipeline
def sample_image(width: int, height: int, seed: int):
    """A PIL image with a colour gradient and noise: every crop of it differs from the resized whole."""
    from PIL import Image

    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width]
    base = np.stack([xx / max(width - 1, 1), yy / max(height - 1, 1), (xx + yy) / (width + height)], axis=-1) * 200
    return Image.fromarray(np.clip(base + rng.normal(0, 25, base.shape), 0, 255).astype(np.uint8))


# (width, height): wider than tall, smaller than 32 on one side, much wider, and square but not 32
_SIZES = [(64, 48), (20, 40), (100, 37), (33, 33)]
_STATS = [([0.5, 0.4, 0.3], [0.2, 0.25, 0.5]), ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])]
# Resizing the tensor instead of the PIL image (ToTensor first) is right too; it rounds differently, by < 0.02 here.
_TOL = 0.03


def grade_transform(make_transform):
    """make_transform(mean, std) must resize any image to 32×32 (not crop it), then ToTensor, then Normalize."""
    from torchvision import transforms

    for k, (mean, std) in enumerate(_STATS):
        t = make_transform(list(mean), list(std))
        if not callable(t):
            return wrong("make_transform को एक transform लौटाना चाहिए (जैसे transforms.Compose([...]))।",
                         "make_transform must return a transform (such as transforms.Compose([...])).")
        reference = transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor(), transforms.Normalize(mean, std)])
        for j, (w, h) in enumerate(_SIZES):
            img = sample_image(w, h, seed=10 * k + j)
            try:
                out = t(img)
            except TypeError as exc:
                return wrong(f"TypeError: {exc}। Normalize को tensor चाहिए, PIL image नहीं: ToTensor() को Normalize से पहले "
                             "रखिए।",
                             f"TypeError: {exc}. Normalize needs a tensor, not a PIL image: put ToTensor() before "
                             "Normalize.")
            out, _ = to_cpu(out)
            if not isinstance(out, torch.Tensor):
                return wrong(f"transform का output एक tensor होना चाहिए; मिला {type(out).__name__} — ToTensor() जोड़िए।",
                             f"the transform must output a tensor; got {type(out).__name__} — add ToTensor().")
            if tuple(out.shape) != (3, 32, 32):
                return wrong(f"{w}×{h} की image पर output का shape (3, 32, 32) होना चाहिए; मिला {tuple(out.shape)}। "
                             "Resize((32, 32)) में tuple दीजिए: Resize(32) केवल छोटी भुजा को 32 करता है।",
                             f"for a {w}×{h} image the output must have shape (3, 32, 32); got {tuple(out.shape)}. "
                             "Give Resize a tuple, (32, 32): Resize(32) only sets the shorter side to 32.")
            expected = reference(img)
            diff = (out.float() - expected).abs().max().item()
            if diff <= _TOL:
                continue
            raw = transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor()])(img)
            cropped = transforms.Compose([transforms.CenterCrop(32), transforms.ToTensor(),
                                          transforms.Normalize(mean, std)])(img)
            if (out.float() - raw).abs().max().item() <= _TOL:
                return wrong("shape सही है, पर मान अभी 0 से 1 के बीच हैं: Normalize(mean, std) छूट गया।",
                             "the shape is right, but the values are still between 0 and 1: Normalize(mean, std) is "
                             "missing.")
            if (out.float() - cropped).abs().max().item() <= _TOL:
                return wrong(f"{w}×{h} की image से आपने बीच का 32×32 हिस्सा काटा (CenterCrop): बाक़ी image फेंक दी गई "
                             "(और छोटी image के चारों ओर काले pixels भरे गए)। पूरी image को 32×32 में छोटा/बड़ा कीजिए: "
                             "Resize((32, 32))।",
                             f"you cut the central 32×32 piece out of the {w}×{h} image (CenterCrop): the rest of the "
                             "image is thrown away (and a small image is padded with black). Scale the whole image to "
                             "32×32: Resize((32, 32)).")
            return wrong(f"{w}×{h} की image पर आपका output Resize((32, 32)) → ToTensor → Normalize से अलग है (सबसे बड़ा "
                         f"अंतर {diff:.3g})। Crop (CenterCrop, RandomCrop) image का एक हिस्सा ही रखता है; पूरी image को "
                         "Resize((32, 32)) से 32×32 कीजिए, और mean, std वही दीजिए जो function को मिले।",
                         f"for a {w}×{h} image your output differs from Resize((32, 32)) → ToTensor → Normalize "
                         f"(largest difference {diff:.3g}). A crop (CenterCrop, RandomCrop) keeps only part of the "
                         "image; scale the whole image to 32×32 with Resize((32, 32)), and use the mean and std the "
                         "function receives.")
    return ok(f"सही: {len(_SIZES)} अलग-अलग आकार की images पूरी की पूरी 32×32 हुईं, फिर हर channel पर (x − mean) / std, "
              "x ToTensor के बाद 0 से 1 के बीच।",
              f"right: {len(_SIZES)} images of different sizes were scaled whole to 32×32, then (x − mean) / std on "
              "every channel, with x between 0 and 1 after ToTensor.")


# ---------------------------------------------------------------- q14: fix the source's CNN
# The source's class, to fix (the starter), and the fix (the solution).
_SOURCE_LAYERS = """            nn.Conv2d(3, 32, kernel_size=(3,3), stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(32, 64, kernel_size=(3,3), stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2,2),
            nn.Conv2d(64, 128, kernel_size=(3,3), stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(128, 128, kernel_size=(3,3), stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2,2),
            nn.Conv2d(128, 256, kernel_size=(3,3), stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(256, 256, kernel_size=(3,3), stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2,2),
"""
FIXED_CNN_STARTER = ("class FixedCNN():                       # fix 1: a PyTorch model is an nn.Module\n"
                "    def __init__(self):\n"
                "        # fix 2: the parent constructor must run first\n"
                "        self.model = nn.Sequential(\n" + _SOURCE_LAYERS +
                "            nn.Flatten(4096, 1024),             # fix 3: Flatten's arguments are dimensions\n"
                "            nn.Linear(1024, 512),\n"
                "            nn.ReLU(),\n"
                "            nn.Linear(512, 10)\n"
                "        )\n\n"
                "    def forward(self, x):                   # fix 4: (B, 3, 32, 32) -> (B, 10)\n"
                "        return ____\n")
FIXED_CNN_SOLUTION = ("class FixedCNN(nn.Module):\n"
                 "    def __init__(self):\n"
                 "        super().__init__()\n"
                 "        self.model = nn.Sequential(\n" + _SOURCE_LAYERS +
                 "            nn.Flatten(),                       # (B, 256, 4, 4) -> (B, 4096)\n"
                 "            nn.Linear(4096, 1024),              # the missing dense layer\n"
                 "            nn.ReLU(),\n"
                 "            nn.Linear(1024, 512),\n"
                 "            nn.ReLU(),\n"
                 "            nn.Linear(512, 10)\n"
                 "        )\n\n"
                 "    def forward(self, x):\n"
                 "        return self.model(x)                # (B, 10) logits\n")



@keeps_rng
def grade_fixed_cnn(answer):
    """FixedCNN must be the notebook's PipelineCNN, by structure and by behaviour."""
    from ...architectures import PipelineCNN

    model, bad = build_model(answer, "FixedCNN")
    if bad is not None:
        return bad
    if type(model).forward is nn.Module.forward:
        return wrong("forward(self, x) method नहीं है: nn.Module को बताना होता है कि x layers से कैसे गुज़रे, "
                     "जैसे return self.model(x)।",
                     "there is no forward(self, x) method: an nn.Module must say how x passes through the layers, "
                     "e.g. return self.model(x).")
    inputs = random_inputs((3, 32, 32), batches=(2, 5, 1))
    try:
        bad = forward_problem(model, inputs[0], (2, 10), "FixedCNN", "256 × 4 × 4 = 4096",
                              advice=T("4096 से 1024 तक के लिए nn.Linear(4096, 1024) चाहिए, उसके बाद ही nn.Linear(1024, 512)।",
                                       "going from 4096 to 1024 needs nn.Linear(4096, 1024), and only then "
                                       "nn.Linear(1024, 512)."))
    except IndexError as exc:
        return wrong(f"IndexError: {exc}। nn.Flatten के arguments dimensions (start_dim, end_dim) हैं: "
                     "nn.Flatten() लिखिए, वह (B, 256, 4, 4) को (B, 4096) बनाता है।",
                     f"IndexError: {exc}. The arguments of nn.Flatten are dimensions (start_dim, end_dim): "
                     "write nn.Flatten(), which turns (B, 256, 4, 4) into (B, 4096).")
    if bad is not None:
        return bad
    with seeded(0):
        reference = PipelineCNN()
    result = compare_modules(model, reference, inputs, name="FixedCNN")
    if result is not None:
        return squash_at_end(model, reference, inputs[1]) or result
    n = sum(p.numel() for p in model.parameters())
    return ok(f"सही: nn.Module, forward, Flatten → Linear(4096, 1024) → ReLU; {n:,} parameters।",
              f"right: nn.Module, forward, Flatten → Linear(4096, 1024) → ReLU; {n:,} parameters.")


# ---------------------------------------------------------------- q15: predict one image
def _predict_one_reference(model, image, transform, classes):
    model.eval()
    with torch.no_grad():
        probs = torch.softmax(model(transform(image).unsqueeze(0)), dim=1)[0]
    p, k = probs.max(dim=0)
    return classes[int(k)], float(p)


@keeps_rng
def grade_predict_one(predict_one):
    from PIL import Image
    from torchvision import transforms

    with seeded(0):
        model = nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(3 * 8 * 8, 3))   # dropout: eval() matters
    transform = transforms.Compose([transforms.Resize((8, 8)), transforms.ToTensor()])
    classes = ["cat", "dog", "zebra"]
    g = torch.Generator().manual_seed(1)
    for trial in range(3):
        pixels = (torch.rand(20, 30, 3, generator=g) * 255).to(torch.uint8).numpy()
        image = Image.fromarray(pixels)                          # a 30×20 RGB image
        model.train()                                            # as a model is left after training
        try:
            got = predict_one(model, image.copy(), transform, classes)
        except RuntimeError as exc:
            return wrong(f"RuntimeError: {exc}। transform के बाद image का shape (C, H, W) है, पर model batch (B, C, H, W) "
                         "लेता है: unsqueeze(0) लगाइए।",
                         f"RuntimeError: {exc}. After the transform the image has shape (C, H, W), but the model takes "
                         "a batch (B, C, H, W): apply unsqueeze(0).")
        expected = _predict_one_reference(model, image, transform, classes)
        if not (isinstance(got, (tuple, list)) and len(got) == 2):
            return wrong(f"predict_one को (class का नाम, probability) का जोड़ा लौटाना चाहिए; मिला {got!r}।",
                         f"predict_one must return a pair (class name, probability); got {got!r}")
        if not isinstance(got[0], str):
            return wrong(f"जोड़े का पहला हिस्सा class का नाम (str) हो, जैसे {expected[0]!r}; मिला {got[0]!r}। index k से "
                         "नाम: classes[int(k)]।",
                         f"the first item of the pair must be the class name (a str), such as {expected[0]!r}; got "
                         f"{got[0]!r}. From the index k to the name: classes[int(k)].")
        name, p = got[0], float(to_cpu(got[1])[0])
        if abs(p - 1.0) < 1e-6 and abs(expected[1] - 1.0) > 1e-6:
            return wrong("probability 1.0 मिली: softmax एक image वाले batch (dim=0) पर लगा। Classes dimension 1 है: "
                         "torch.softmax(model(x), dim=1)।",
                         "got probability 1.0: the softmax ran over a batch of one image (dim=0). The classes are "
                         "dimension 1: torch.softmax(model(x), dim=1).")
        if name != expected[0] or abs(p - expected[1]) > 1e-5:
            return wrong(f"image {trial + 1} पर मिला ({name!r}, {p:.4f}), अपेक्षित ({expected[0]!r}, {expected[1]:.4f})। "
                         "model.eval() और torch.no_grad() लगाइए (Dropout training mode में हर बार अलग output देता है), "
                         "softmax(dim=1) से probabilities लीजिए (logits नहीं), और classes[index] से नाम।",
                         f"for image {trial + 1} you gave ({name!r}, {p:.4f}), expected ({expected[0]!r}, "
                         f"{expected[1]:.4f}). Use model.eval() and torch.no_grad() (Dropout gives a different output "
                         "every time in training mode), take probabilities with softmax(dim=1) (not the logits), and "
                         "the name with classes[index].")
    return ok("सही: वही transform, unsqueeze(0) से एक image का batch, eval mode, softmax, सबसे बड़ी probability।",
              "right: the same transform, a batch of one with unsqueeze(0), eval mode, softmax, the largest probability.")


# ---------------------------------------------------------------- q16: load a checkpoint safely
_TRAP = {"ran": False}


def _file_ran_code():
    """What a pickled file can make torch.load(..., weights_only=False) call; harmless here: it sets a flag."""
    _TRAP["ran"] = True
    return torch.zeros(3, 4)


class _Trap:
    def __reduce__(self):
        return _file_ran_code, ()


@keeps_rng
def grade_load_checkpoint(load_checkpoint):
    with seeded(0):
        saved, fresh = nn.Linear(4, 3), nn.Linear(4, 3)
    with tempfile.TemporaryDirectory() as tmp:
        good, bad = Path(tmp) / "good.pt", Path(tmp) / "bad.pt"
        torch.save(saved.state_dict(), good)
        torch.save({"weight": _Trap(), "bias": torch.zeros(3)}, bad)
        got = load_checkpoint(fresh, good)
        if not isinstance(got, nn.Module):
            return wrong(f"load_checkpoint को model लौटाना चाहिए; मिला {type(got).__name__}। State dict को "
                         "model.load_state_dict(state) से model में डालिए, फिर return model।",
                         f"load_checkpoint must return the model; got a {type(got).__name__}. Put the state dict into "
                         "the model with model.load_state_dict(state), then return model.")
        mine = {k: v.detach().cpu() for k, v in got.state_dict().items()}
        if mine.keys() != saved.state_dict().keys() or \
                not all(torch.equal(mine[k], v) for k, v in saved.state_dict().items()):
            return wrong("लौटाए गए model के weights file वाले नहीं हैं: model.load_state_dict(state) चलाइए।",
                         "the returned model does not hold the weights from the file: call model.load_state_dict(state).")
        _TRAP["ran"] = False
        try:
            load_checkpoint(nn.Linear(4, 3), bad)
        except Exception:   # refusing the file is the right behaviour
            pass
        if _TRAP["ran"]:
            return wrong("आपके function ने file के अंदर का code चला दिया (यहाँ हानिरहित, पर अनजान file में कुछ भी हो "
                         "सकता है)। torch.load(path, weights_only=True) लिखिए।",
                         "your function ran code from inside the file (harmless here, but an unknown file could do "
                         "anything). Write torch.load(path, weights_only=True).")
    return ok("सही: weights load हुए, और अनजान objects वाली file को load करने से मना कर दिया गया (UnpicklingError)।",
              "right: the weights loaded, and the file with unknown objects was refused (UnpicklingError).")

