"""Practice 07 (the PyTorch image pipeline): the five steps, ImageFolder, random_split, DataLoader,
Flatten versus Linear, nn.Module + forward, Normalize and safe loading with weights_only=True."""
import torch
from torch import nn

from ...i18n import T
from ..codecheck import Code
from ..kinds import MultipleChoice, Numeric, Shape, TrueFalse
from ._nb07_graders import (
    FIXED_CNN_SOLUTION,
    FIXED_CNN_STARTER,
    grade_fixed_cnn,
    grade_load_checkpoint,
    grade_predict_one,
    grade_transform,
)

TITLE = T("PyTorch में image classification की पूरी pipeline", "The PyTorch image-classification pipeline")
INTRO = T(
    "ये प्रश्न notebook 07 के पाँच क़दमों पर हैं: image folder और `ImageFolder`, transforms, `random_split`, "
    "`DataLoader`, स्रोत नोट्स की CNN class की ग़लतियाँ (`nn.Module`, `forward`, `nn.Flatten` बनाम `nn.Linear`), disk से "
    "एक image पर prediction, और `weights_only=True` के साथ checkpoint load करना। Code के प्रश्न कुछ ही सेकंड में "
    "जाँचे जाते हैं; कोई training नहीं होती।",
    "These questions follow the five steps of notebook 07: the image folder and `ImageFolder`, transforms, "
    "`random_split`, `DataLoader`, the mistakes in the source's CNN class (`nn.Module`, `forward`, `nn.Flatten` "
    "versus `nn.Linear`), predicting on one image from disk, and loading a checkpoint with `weights_only=True`. "
    "The code questions are checked in a few seconds; nothing is trained.",
)
SETUP = """import torch
from PIL import Image
from torch import nn
from torchvision import transforms"""

# The corrected source network (PipelineCNN with 10 outputs and the source's 3 input channels) has this many
# parameters; notebook 07 builds it with in_channels=1 for Fashion-MNIST (576 fewer).
FIXED_CNN_PARAMS = 5_851_338


# ---------------------------------------------------------------- q13: known-wrong transforms
def _pipeline(*steps, normalize=None):
    from torchvision import transforms

    tail = [transforms.Normalize(*normalize)] if normalize else []
    return transforms.Compose([*steps, transforms.ToTensor(), *tail])


def _wrong_transform(mean, std):
    """Resize(32) (not a tuple) and no Normalize."""
    from torchvision import transforms
    return _pipeline(transforms.Resize(32))


def _wrong_transform_center_crop(mean, std):
    """CenterCrop(32) instead of Resize((32, 32)) (reliability review, item 6)."""
    from torchvision import transforms
    return _pipeline(transforms.CenterCrop(32), normalize=(mean, std))


def _wrong_transform_random_crop(mean, std):
    """RandomCrop(32) instead of Resize((32, 32)) (reliability review, item 6)."""
    from torchvision import transforms
    return _pipeline(transforms.RandomCrop(32, pad_if_needed=True), normalize=(mean, std))


def _wrong_transform_normalize_first(mean, std):
    """Normalize before ToTensor: Normalize needs a tensor."""
    from torchvision import transforms
    return _pipeline(transforms.Resize((32, 32)), transforms.Normalize(mean, std))


def _wrong_transform_fixed_stats(mean, std):
    """Ignores its arguments and normalises with 0.5 everywhere."""
    from torchvision import transforms
    return _pipeline(transforms.Resize((32, 32)), normalize=([0.5] * 3, [0.5] * 3))


# ---------------------------------------------------------------- q14: the source's CNN and known-wrong fixes
class _SourceCNN:
    """The source's class with a forward added but still not an nn.Module (the known-wrong answer)."""

    def __init__(self):
        self.model = nn.Sequential(nn.Flatten(4096, 1024))

    def forward(self, x):
        return self.model(x)

def _source_features():
    """The source's convolution layers (unchanged by the fix): the first 15 modules of PipelineCNN."""
    from ...architectures import PipelineCNN
    return list(PipelineCNN().model.children())[:15]


class _wrong_FlattenArgsCNN(nn.Module):
    """nn.Module, super().__init__() and forward are fixed, but nn.Flatten(4096, 1024) is still there."""

    def __init__(self, dense=None):
        super().__init__()
        dense = dense or [nn.Flatten(4096, 1024), nn.Linear(1024, 512), nn.ReLU(), nn.Linear(512, 10)]
        self.model = nn.Sequential(*_source_features(), *dense)

    def forward(self, x):
        return self.model(x)


class _wrong_NoDenseReluCNN(_wrong_FlattenArgsCNN):
    """Adds nn.Linear(4096, 1024) but no ReLU after it: two dense layers in a row are one linear map."""

    def __init__(self):
        super().__init__([nn.Flatten(), nn.Linear(4096, 1024), nn.Linear(1024, 512), nn.ReLU(), nn.Linear(512, 10)])


class _wrong_SoftmaxFixedCNN(_wrong_FlattenArgsCNN):
    """The right fix with an nn.Softmax(dim=1) at the end."""

    def __init__(self):
        super().__init__([nn.Flatten(), nn.Linear(4096, 1024), nn.ReLU(), nn.Linear(1024, 512), nn.ReLU(),
                          nn.Linear(512, 10), nn.Softmax(dim=1)])


class _wrong_NoSuperCNN(nn.Module):
    """An nn.Module whose __init__ forgets super().__init__()."""

    def __init__(self):  # noqa: B026 - the slip itself
        self.model = nn.Sequential(*_source_features())

    def forward(self, x):
        return self.model(x)


# ---------------------------------------------------------------- q15, q16: known-wrong functions
def _predict(model, image, transform, classes, dim=1, batch=True, softmax=True, name=True, eval_=True):
    """predict_one, with the slips the known-wrong answers make switched on."""
    model.train(not eval_)
    x = transform(image).unsqueeze(0) if batch else transform(image)
    out = model(x).detach()
    p, k = (torch.softmax(out, dim=dim) if softmax else out)[0].max(dim=0)
    return classes[int(k)] if name else int(k), float(p)


def _predict_one_wrong(model, image, transform, classes):
    """Forgets model.eval(): Dropout stays on."""
    return _predict(model, image, transform, classes, eval_=False)


def _wrong_predict_one_dim0(model, image, transform, classes):
    """Softmax over the batch of one: every probability is 1."""
    return _predict(model, image, transform, classes, dim=0)


def _wrong_predict_one_index(model, image, transform, classes):
    """Returns the index instead of the class name."""
    return _predict(model, image, transform, classes, name=False)


def _wrong_predict_one_logit(model, image, transform, classes):
    """Returns the largest logit, not a probability."""
    return _predict(model, image, transform, classes, softmax=False)


def _wrong_predict_one_no_batch(model, image, transform, classes):
    """Forgets unsqueeze(0): the model gets (C, H, W), not a batch."""
    return _predict(model, image, transform, classes, batch=False)


def _load_checkpoint_wrong(model, path):
    model.load_state_dict(torch.load(path, weights_only=False))
    return model


def _wrong_load_checkpoint_state(model, path):
    """Returns the state dict instead of the model."""
    return torch.load(path, weights_only=True)


def _wrong_load_checkpoint_unloaded(model, path):
    """Reads the file but never puts the weights into the model."""
    torch.load(path, weights_only=True)
    return model


def questions():
    qs = [
        MultipleChoice("q1",
            T("स्रोत नोट्स के अनुसार PyTorch में CNN से image classification के पाँच क़दमों का सही क्रम कौन-सा है?",
              "Which is the right order of the source's five steps for image classification with a CNN in PyTorch?"),
            [T("network बनाना → data load करना → split करना → base model → fit, evaluate, predict",
               "build the network → load the data → split it → base model → fit, evaluate, predict"),
             T("data load करना → split करना → network बनाना → base model → fit, evaluate, predict",
               "load the data → split it → build the network → base model → fit, evaluate, predict"),
             T("data load करना → network बनाना → fit → split करना → evaluate",
               "load the data → build the network → fit → split it → evaluate"),
             T("split करना → data load करना → base model → network बनाना → predict",
               "split it → load the data → base model → build the network → predict")],
            "b",
            why={"c": T("split training से पहले होना चाहिए: model ने validation data पहले कभी न देखा हो।",
                        "the split must come before training: the model must never have seen the validation data."),
                 "d": T("जिस data को load ही नहीं किया, उसे बाँटा नहीं जा सकता।",
                        "you cannot split data you have not loaded.")},
            hints=[T("पहले data चाहिए, फिर उसका बँटवारा।", "First you need the data, then its split."),
                   T("Fit, evaluate और predict हमेशा आख़िर में आते हैं।", "Fit, evaluate and predict always come last.")],
            solution='q1_answer = "b"', wrong="a",
            explanation=T("Load → split → network → base model (model, loss, optimizer) → fit, evaluate, predict।",
                          "Load → split → network → base model (model, loss, optimiser) → fit, evaluate, predict.")),
        MultipleChoice("q2", T("`ImageFolder(root)` disk पर कौन-सा folder ढाँचा (layout) पढ़ता है?",
                               "Which folder layout on disk does `ImageFolder(root)` read?"),
            [T("`root/` में सारी images, और labels एक CSV file में",
               "all images in `root/`, with the labels in a CSV file"),
             T("`root/<class का नाम>/<image files>` — हर class का एक sub-folder",
               "`root/<class name>/<image files>` — one sub-folder per class"),
             T("`root/` में सारी images, class file के नाम में, जैसे `cat_001.png`",
               "all images in `root/`, with the class in the file name, such as `cat_001.png`"),
             T("एक `.npz` file जिसमें images और labels के arrays हों",
               "one `.npz` file holding arrays of images and labels")],
            "b",
            why={"a": T("ImageFolder CSV नहीं पढ़ता; ऐसे data के लिए अपनी Dataset class लिखनी पड़ती है।",
                        "ImageFolder reads no CSV; such data needs a Dataset class of your own."),
                 "c": T("File के नाम से label नहीं आता; केवल sub-folder का नाम मायने रखता है।",
                        "the label does not come from the file name; only the sub-folder name matters.")},
            hints=[T("Notebook का section 3.2 देखिए।", "Look at section 3.2 of the notebook."),
                   T("label कहाँ से आता है — file से या folder से?",
                     "Where does the label come from — the file or the folder?")],
            solution='q2_answer = "b"', wrong="c",
            explanation=T("हर sub-folder एक class है; file के नाम कुछ भी हो सकते हैं।",
                          "Every sub-folder is a class; the file names can be anything.")),
        MultipleChoice("q3", T("एक folder में sub-folders इस क्रम में बनाए गए: `zebra/`, `cat/`, `dog/`। `ImageFolder` का "
                               "`class_to_idx` क्या होगा?",
                               "A folder's sub-folders were created in this order: `zebra/`, `cat/`, `dog/`. What is "
                               "`ImageFolder`'s `class_to_idx`?"),
            ["`{'zebra': 0, 'cat': 1, 'dog': 2}`", "`{'cat': 0, 'dog': 1, 'zebra': 2}`",
             "`{'dog': 0, 'cat': 1, 'zebra': 2}`", "`{'cat': 1, 'dog': 2, 'zebra': 3}`"],
            "b",
            why={"a": T("बनाने का क्रम मायने नहीं रखता: नाम sort किए जाते हैं।",
                        "the creation order does not matter: the names are sorted."),
                 "d": T("Index 0 से शुरू होते हैं।", "the indices start at 0.")},
            hints=[T("ImageFolder sub-folders के नाम sort करता है।", "ImageFolder sorts the sub-folder names."),
                   T("वर्णक्रम (alphabetical order): c, d, z।", "Alphabetical order: c, d, z.")],
            solution='q3_answer = "b"', wrong="a",
            explanation=T("नाम वर्णक्रम में sort होते हैं और 0 से index पाते हैं; इसलिए `classes` की list model के साथ save कीजिए।",
                          "The names are sorted alphabetically and indexed from 0; so save the `classes` list with the "
                          "model.")),
        Numeric("q4", T("1001 images के dataset पर `random_split(ds, [0.8, 0.2], generator=...)` चलाया। पहले (train) "
                        "हिस्से में कितनी images होंगी?",
                        "`random_split(ds, [0.8, 0.2], generator=...)` is run on a dataset of 1001 images. How many "
                        "images does the first (train) part get?"),
            801, rel_tol=0, abs_tol=0.5,
            mistakes={800: T("यह केवल ⌊0.8 · 1001⌋ है। दोनों हिस्सों का जोड़ 800 + 200 = 1000 है; बची हुई 1 image पहले हिस्से को "
                             "मिलती है।",
                             "that is only ⌊0.8 · 1001⌋. The two parts add up to 800 + 200 = 1000; the 1 image left "
                             "over goes to the first part."),
                      800.8: T("लंबाई पूर्णांक होती है।", "a length is a whole number.")},
            hints=[T("हर हिस्से को पहले ⌊f · N⌋ मिलता है।", "Each part first gets ⌊f · N⌋."),
                   T("⌊0.8 · 1001⌋ = 800 और ⌊0.2 · 1001⌋ = 200; बची images पहले हिस्से से शुरू करके एक-एक बाँटी जाती हैं।",
                     "⌊0.8 · 1001⌋ = 800 and ⌊0.2 · 1001⌋ = 200; the leftover images are handed out one at a time, "
                     "starting with the first part.")],
            solution="q4_answer = 801", wrong=800,
            explanation=T("लंबाइयाँ 801 और 200 — जाँचिए: `[len(p) for p in random_split(range(1001), [0.8, 0.2])]`।",
                          "The lengths are 801 and 200 — check: `[len(p) for p in random_split(range(1001), [0.8, "
                          "0.2])]`.")),
        TrueFalse("q5", T("`train_ds, valid_ds = random_split(full, [0.8, 0.2])` के बाद `full.transform` में "
                          "`RandomHorizontalFlip()` जोड़ें, तो वह केवल training images पर लगेगा।",
                          "After `train_ds, valid_ds = random_split(full, [0.8, 0.2])`, adding "
                          "`RandomHorizontalFlip()` to `full.transform` applies it to the training images only."),
            False,
            hints=[T("`train_ds.dataset is valid_ds.dataset` क्या देता है?",
                     "What does `train_ds.dataset is valid_ds.dataset` give?"),
                   T("Subset केवल indices रखता है, images की copy नहीं।",
                     "A Subset holds only indices, not a copy of the images.")],
            solution="q5_answer = False", wrong=True,
            explanation=T("दोनों Subsets एक ही dataset (और transform) साझा करते हैं; अलग transforms के लिए दो ImageFolder "
                          "और `Subset(..., indices)` बनाइए।",
                          "Both Subsets share one dataset (and transform); for separate transforms build two "
                          "ImageFolders and `Subset(..., indices)`.")),
        MultipleChoice("q6",
            T("`DataLoader` के बारे में कौन-से कथन सही हैं?", "Which statements about `DataLoader` are right?"),
            [T("सही import `from torch.utils.data import DataLoader` है",
               "the correct import is `from torch.utils.data import DataLoader`"),
             T("`from torch.utils import DataLoaders` भी चलता है", "`from torch.utils import DataLoaders` works too"),
             T("training loader में `shuffle=True`, validation loader में `shuffle=False`",
               "`shuffle=True` in the training loader, `shuffle=False` in the validation loader"),
             T("`DataLoader(ds, 128)` में 128 epochs की संख्या है", "in `DataLoader(ds, 128)`, 128 is the number of epochs")],
            ["a", "c"],
            why={"b": T("ऐसा नाम नहीं है: ImportError। class `DataLoader` है और `torch.utils.data` में है।",
                        "no such name: ImportError. The class is `DataLoader`, in `torch.utils.data`."),
                 "d": T("दूसरा positional argument `batch_size` है।", "the second positional argument is `batch_size`.")},
            hints=[T("स्रोत नोट्स की `DataLoaders` line notebook में कौन-सा error देती है?",
                     "Which error does the source's `DataLoaders` line give in the notebook?"),
                   T("`DataLoader(dataset, batch_size, shuffle)`", "`DataLoader(dataset, batch_size, shuffle)`")],
            solution='q6_answer = ["a", "c"]', wrong=["a", "b"]),
        Shape("q7", T("`nn.Flatten()(torch.zeros(32, 256, 4, 4))` का shape क्या है?",
                      "What is the shape of `nn.Flatten()(torch.zeros(32, 256, 4, 4))`?"),
            (32, 4096), meaning="(batch, 256 · 4 · 4)",
            hints=[T("default `start_dim=1, end_dim=-1`: batch को छोड़कर बाक़ी सब dimensions एक में।",
                     "default `start_dim=1, end_dim=-1`: all dimensions except the batch, merged into one."),
                   T("256 × 4 × 4 = ?", "256 × 4 × 4 = ?")],
            solution="q7_answer = (32, 4096)", wrong=(32, 1024),
            explanation=T("Flatten के कोई weights नहीं; यह 4096 को 1024 में नहीं बदल सकता — उसके लिए nn.Linear(4096, 1024)।",
                          "Flatten has no weights; it cannot turn 4096 into 1024 — that takes nn.Linear(4096, 1024).")),
        Numeric("q8", T("`nn.Flatten()` के बाद आने वाली `nn.Linear(4096, 1024)` layer में कितने parameters हैं?",
                        "How many parameters does the `nn.Linear(4096, 1024)` layer after `nn.Flatten()` have?"),
            4096 * 1024 + 1024, rel_tol=0, abs_tol=0.5,
            mistakes={4096 * 1024: T("ये केवल weights हैं — 1024 biases भी जोड़िए।",
                                     "that is the weights only — add the 1024 biases."),
                      0: T("`nn.Flatten` के 0 parameters हैं, पर `nn.Linear` के parameters होते हैं।",
                           "`nn.Flatten` has 0 parameters, but `nn.Linear` does."),
                      4096 + 1024: T("weights की संख्या गुणा से आती है, जोड़ से नहीं।",
                                     "the weights multiply, they do not add.")},
            hints=[T("(n_in + 1) · n_out", "(n_in + 1) · n_out"),
                   T("weight matrix (1024, 4096) और bias (1024,)।", "weight matrix (1024, 4096) and bias (1024,).")],
            solution="q8_answer = 4096 * 1024 + 1024", wrong=4096 * 1024,
            explanation=T("4,195,328 — notebook के network (`PipelineCNN`, 5,850,762 parameters) के लगभग 72%।",
                          "4,195,328 — about 72% of the parameters of the notebook's network (`PipelineCNN`, 5,850,762 "
                          "parameters).")),
        MultipleChoice("q9", T("स्रोत नोट्स की `class CNN():` को PyTorch model बनाने के लिए क्या-क्या ज़रूरी है?",
                               "What does the source's `class CNN():` need to become a PyTorch model?"),
            [T("`nn.Module` से inherit करना: `class CNN(nn.Module)`",
               "inherit from `nn.Module`: `class CNN(nn.Module)`"),
             T("`__init__` की शुरुआत में `super().__init__()`", "`super().__init__()` at the start of `__init__`"),
             T("एक `forward(self, x)` method", "a `forward(self, x)` method"),
             T("एक `backward(self, grad)` method", "a `backward(self, grad)` method"),
             T("`model.compile()` call करना", "calling `model.compile()`")],
            ["a", "b", "c"],
            why={"d": T("backward autograd अपने-आप बनाता है।", "autograd builds the backward pass by itself."),
                 "e": T("यह Keras का तरीक़ा है; PyTorch में ज़रूरी नहीं (`torch.compile` केवल गति के लिए है)।",
                        "that is the Keras way; PyTorch does not need it (`torch.compile` is only for speed).")},
            hints=[T("`model(x)` और `model.parameters()` कहाँ से आते हैं?",
                     "Where do `model(x)` and `model.parameters()` come from?"),
                   T("Gradients autograd निकालता है।", "Autograd computes the gradients.")],
            solution='q9_answer = ["a", "b", "c"]', wrong=["a", "c", "d"]),
        MultipleChoice("q10", T("`torch.load(path, weights_only=True)` क्यों लिखना चाहिए?",
                                "Why should you write `torch.load(path, weights_only=True)`?"),
            [T("load तेज़ होता है", "loading is faster"),
             T("pickle file load करते समय कोई भी code चल सकता है; `weights_only=True` केवल tensors और साधारण types "
               "(संख्याएँ, strings, lists, dicts) की अनुमति देता है",
               "loading a pickle file can run any code; `weights_only=True` allows only tensors and plain types "
               "(numbers, strings, lists, dicts)"),
             T("file छोटी हो जाती है", "the file gets smaller"),
             T("GPU पर load करने के लिए यह ज़रूरी है", "it is required to load onto a GPU")],
            "b",
            why={"a": T("गति कारण नहीं है; सुरक्षा है।", "speed is not the reason; safety is."),
                 "c": T("`torch.load` file का size नहीं बदलता।", "`torch.load` does not change the file size."),
                 "d": T("device के लिए `map_location` है।", "the device is chosen with `map_location`.")},
            hints=[T("`torch.save` किस Python format का इस्तेमाल करता है?", "Which Python format does `torch.save` use?"),
                   T("Internet से लाई गई checkpoint file के बारे में सोचिए।",
                     "Think of a checkpoint file taken from the internet.")],
            solution='q10_answer = "b"', wrong="a",
            explanation=T("PyTorch 2.6 से `weights_only=True` default है; पुराने versions के लिए इसे ख़ुद (स्पष्ट रूप से) लिखिए।",
                          "`weights_only=True` is the default since PyTorch 2.6; write it out for older versions.")),
        MultipleChoice("q11", T("Theano library कहाँ बनी थी?", "Where was the Theano library developed?"),
            ["Microsoft", "Google", "MILA, Université de Montréal", "Facebook AI Research"], "c",
            why={"a": T("स्रोत नोट्स में \"Theano - Microsoft\" लिखा है, पर यह ग़लत है; Microsoft की library CNTK थी।",
                        "the source notes write \"Theano - Microsoft\", but that is wrong; Microsoft's library was "
                        "CNTK."),
                 "b": T("Google से TensorFlow आया, और Keras का विकास वहाँ हुआ।",
                        "Google gave us TensorFlow, and Keras was developed there.")},
            hints=[T("Notebook के section 1 की callout पढ़िए।", "Read the callout in section 1 of the notebook."),
                   T("Yoshua Bengio का lab, Montréal में।", "Yoshua Bengio's lab, in Montréal.")],
            solution='q11_answer = "c"', wrong="a"),
        Numeric("q12", T("`transforms.Normalize(mean=[0.5, 0.5, 0.5], std=[0.25, 0.25, 0.25])`: ToTensor के बाद किसी "
                         "pixel का मान 0.8 है। Normalize के बाद उसका मान क्या होगा?",
                         "`transforms.Normalize(mean=[0.5, 0.5, 0.5], std=[0.25, 0.25, 0.25])`: after ToTensor a pixel "
                         "holds 0.8. What does it hold after Normalize?"),
            1.2, rel_tol=1e-6,
            mistakes={0.075: T("आपने std से भाग देने की जगह गुणा किया।", "you multiplied by the std instead of dividing."),
                      0.3: T("mean घटाने के बाद std से भाग भी दीजिए।",
                             "after subtracting the mean, also divide by the std."),
                      3.2: T("पहले mean घटाइए, फिर भाग दीजिए।", "subtract the mean first, then divide.")},
            hints=[T("x' = (x − μ) / σ", "x' = (x − μ) / σ"), T("(0.8 − 0.5) / 0.25", "(0.8 − 0.5) / 0.25")],
            solution="q12_answer = (0.8 - 0.5) / 0.25", wrong=0.3),
        Code("q13", T("Transform pipeline बनाइए: `make_transform(mean, std)` एक `transforms.Compose` लौटाए जो किसी भी "
                      "size की PIL image को 32×32 करे, tensor में बदले, और हर channel को `mean` और `std` से normalize करे।",
                      "Build the transform pipeline: `make_transform(mean, std)` returns a `transforms.Compose` that "
                      "resizes a PIL image of any size to 32×32, turns it into a tensor, and normalises each channel "
                      "with `mean` and `std`."),
            grader=grade_transform, answer_name="make_transform",
            starter="def make_transform(mean, std):\n    return transforms.Compose([\n"
                    "        transforms.Resize(____),\n        ____,\n        ____,\n    ])",
            solution="def make_transform(mean, std):\n    return transforms.Compose([\n"
                     "        transforms.Resize((32, 32)),          # any size -> 32 x 32\n"
                     "        transforms.ToTensor(),                # (H, W, C) 0..255 -> (C, H, W) 0..1\n"
                     "        transforms.Normalize(mean, std),      # per channel: (x - mean) / std\n    ])",
            wrong=_wrong_transform,
            wrongs=[_wrong_transform_center_crop, _wrong_transform_random_crop, _wrong_transform_normalize_first,
                    _wrong_transform_fixed_stats],
            hints=[T("क्रम: Resize → ToTensor → Normalize। Normalize को tensor चाहिए, PIL image नहीं।",
                     "Order: Resize → ToTensor → Normalize. Normalize needs a tensor, not a PIL image."),
                   T("Resize को tuple दीजिए: `Resize((32, 32))`।", "Give Resize a tuple: `Resize((32, 32))`.")]),
        Code("q14",
            T("स्रोत नोट्स की CNN class ठीक कीजिए। नीचे स्रोत नोट्स का code है, नाम `FixedCNN`। चारों `fix` वाली जगहें ठीक कीजिए, "
              "ताकि `FixedCNN()(torch.zeros(2, 3, 32, 32))` का shape (2, 10) हो: Flatten के 4096 features 1024 units की "
              "एक नई dense layer में जाएँ, बाक़ी dense layers की तरह ReLU के साथ। स्रोत नोट्स की बाक़ी layers वैसी ही रहें (स्रोत "
              "नोट्स की तरह 3 input channels, रंगीन images के लिए; notebook 07 Fashion-MNIST के लिए `in_channels=1` लेता "
              "है); checker वही weights देकर `PipelineCNN(in_channels=3)` से मिलाएगा।",
              "Fix the source's CNN class. Below is the source's code, named `FixedCNN`. Fix the four places marked "
              "`fix`, so that `FixedCNN()(torch.zeros(2, 3, 32, 32))` has shape (2, 10): the 4096 features of Flatten "
              "go into a new dense layer of 1024 units, with a ReLU like the other dense layers. Keep the source's "
              "other layers as they are (3 input channels as in the source, for colour images; notebook 07 uses "
              "`in_channels=1` for Fashion-MNIST); the checker gives your model the same weights and compares it with "
              "`PipelineCNN(in_channels=3)`."),
            grader=grade_fixed_cnn, answer_name="FixedCNN", starter=FIXED_CNN_STARTER, solution=FIXED_CNN_SOLUTION,
            wrong=_SourceCNN,
            wrongs=[_wrong_NoSuperCNN, _wrong_FlattenArgsCNN, _wrong_NoDenseReluCNN, _wrong_SoftmaxFixedCNN],
            hints=[T("`class FixedCNN(nn.Module):` और `__init__` की पहली line `super().__init__()`।",
                     "`class FixedCNN(nn.Module):` and `super().__init__()` as the first line of `__init__`."),
                   T("`nn.Flatten()` (B, 256, 4, 4) को (B, 4096) बनाता है; उसके बाद `nn.Linear(4096, 1024), nn.ReLU()` "
                     "चाहिए।",
                     "`nn.Flatten()` turns (B, 256, 4, 4) into (B, 4096); it must be followed by `nn.Linear(4096, "
                     "1024), nn.ReLU()`."),
                   T("`forward` में `return self.model(x)`।", "`return self.model(x)` in `forward`.")],
            explanation=T(f"ठीक किया network notebook का `PipelineCNN` है, 3 input channels के साथ: {FIXED_CNN_PARAMS:,} "
                          "parameters (notebook का 1 channel वाला रूप 576 कम, 5,850,762)।",
                          f"The fixed network is the notebook's `PipelineCNN` with 3 input channels: "
                          f"{FIXED_CNN_PARAMS:,} parameters (the notebook's 1-channel version has 576 fewer, 5,850,762).")),
        Code("q15",
            T("Disk से पढ़ी एक image पर prediction: `predict_one(model, image, transform, classes)` लिखिए जो (class का "
              "नाम, probability) लौटाए। `image` एक PIL image है; training के बाद model training mode में छूटा हो सकता है।",
              "Prediction on an image read from disk: write `predict_one(model, image, transform, classes)` that "
              "returns (class name, probability). `image` is a PIL image; after training the model may have been left "
              "in training mode."),
            grader=grade_predict_one, answer_name="predict_one",
            starter="def predict_one(model, image, transform, classes):\n    model.____()\n    with torch.no_grad():\n"
                    "        x = transform(image).____(0)            # (C, H, W) -> (1, C, H, W)\n"
                    "        probs = torch.softmax(model(x), dim=____)[0]\n    p, k = probs.max(dim=0)\n"
                    "    return ____, float(p)",
            solution="def predict_one(model, image, transform, classes):\n    model.eval()\n    with torch.no_grad():\n"
                     "        x = transform(image).unsqueeze(0)          # (C, H, W) -> (1, C, H, W)\n"
                     "        probs = torch.softmax(model(x), dim=1)[0]  # (num_classes,)\n    p, k = probs.max(dim=0)\n"
                     "    return classes[int(k)], float(p)",
            wrong=_predict_one_wrong,
            wrongs=[_wrong_predict_one_dim0, _wrong_predict_one_index, _wrong_predict_one_logit,
                    _wrong_predict_one_no_batch],
            hints=[T("Model batches लेता है: `unsqueeze(0)` से एक image का batch बनाइए।",
                     "The model takes batches: make a batch of one with `unsqueeze(0)`."),
                   T("`model.eval()` Dropout को बंद करता है; `softmax(..., dim=1)` classes पर चलता है।",
                     "`model.eval()` switches Dropout off; `softmax(..., dim=1)` runs over the classes."),
                   T("नाम: `classes[int(k)]`।", "The name: `classes[int(k)]`.")]),
        Code("q16", T("Checkpoint सुरक्षित तरीक़े से load कीजिए: `load_checkpoint(model, path)` लिखिए जो "
                      "`torch.save(model.state_dict(), path)` से बनी file के weights `model` में डाले और `model` लौटाए — और "
                      "अनजान Python objects वाली file को load करने से मना कर दे। Checker एक ऐसी file भी देता है जो असुरक्षित तरीक़े से load करने "
                      "पर (हानिरहित) code चलाती है।",
                      "Load a checkpoint safely: write `load_checkpoint(model, path)` that puts the weights of a file "
                      "made by `torch.save(model.state_dict(), path)` into `model` and returns `model` — and refuses a "
                      "file holding unknown Python objects. The checker also gives it a file that runs (harmless) code "
                      "when loaded the unsafe way."),
            grader=grade_load_checkpoint, answer_name="load_checkpoint",
            starter="def load_checkpoint(model, path):\n    state = ____\n    model.load_state_dict(state)\n    return model",
            solution="def load_checkpoint(model, path):\n"
                     "    state = torch.load(path, weights_only=True, map_location=\"cpu\")  # tensors and plain types only\n"
                     "    model.load_state_dict(state)\n    return model",
            wrong=_load_checkpoint_wrong, wrongs=[_wrong_load_checkpoint_state, _wrong_load_checkpoint_unloaded],
            hints=[T("`torch.load(path, ...)` से state dict पढ़िए।", "Read the state dict with `torch.load(path, ...)`."),
                   T("कौन-सा argument pickle को केवल tensors और साधारण types तक सीमित करता है?",
                     "Which argument restricts pickle to tensors and plain types?")]),
    ]
    for q in qs[12:]:
        q.timeout = 60.0    # the code questions build models; allow for a busy laptop
    return qs
