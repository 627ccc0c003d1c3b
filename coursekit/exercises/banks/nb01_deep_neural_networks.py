"""Practice 01 (deep neural networks): the source notes' 10 practice questions and 4 coding exercises."""
import torch
from torch import nn

from ...i18n import T
from ..codecheck import Case, Code
from ..kinds import MultipleChoice, TrueFalse
from ._nb01_graders import (
    grade_make_dnn,
    grade_train_step,
    step_without_zero_grad,
    wrong_step_loss_after_update,
    wrong_step_returns_tensor,
    wrong_step_zero_grad_after_backward,
)

TITLE = T("डीप न्यूरल नेटवर्क", "Deep neural networks")
INTRO = T(
    "ये प्रश्न notebook `notebooks/01_deep_neural_networks.ipynb` पर आधारित हैं। प्रश्न 1–9 और 14 स्रोत नोट्स के "
    "10 practice प्रश्न हैं; प्रश्न 10–13 coding अभ्यास हैं: parameters गिनना, एक neuron, softmax, और एक training step।",
    "These questions follow the notebook `notebooks/01_deep_neural_networks.ipynb`. Questions 1–9 and 14 are the "
    "source notes' 10 practice questions; questions 10–13 are coding exercises: counting parameters, one neuron, softmax, "
    "and one training step.",
)
SETUP = "import torch\nfrom torch import nn"


# ----------------------------------------------------------------------------- q9: build a DNN (known-wrong)
def _dnn_variant(act=nn.ReLU, extra=(), out=(), bias=True):
    """make_dnn with one slip: another activation, extra layers after each activation or at the output, no bias."""
    def make_dnn(n_in, hidden, n_out):
        layers = []
        for h in hidden:
            layers += [nn.Linear(n_in, h, bias=bias), act(), *[make() for make in extra]]
            n_in = h
        return nn.Sequential(*layers, nn.Linear(n_in, n_out, bias=bias), *[make() for make in out])
    return make_dnn


_wrong_dnn_softmax_output = _dnn_variant(out=[lambda: nn.Softmax(dim=1)])     # probabilities, not logits
_wrong_dnn_sigmoid = _dnn_variant(act=nn.Sigmoid)
_wrong_dnn_no_bias = _dnn_variant(bias=False)
_wrong_dnn_dropout = _dnn_variant(extra=[lambda: nn.Dropout(0.5)])


def _wrong_dnn_fixed_sizes(n_in, hidden, n_out):
    return nn.Sequential(nn.Linear(64, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))


# ----------------------------------------------------------------------------- q10: count parameters
_count_dnn_params = lambda sizes: sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
_wrong_count_weights_only = lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))


def _wrong_count_bias_per_input(sizes):
    return sum(a * b + a for a, b in zip(sizes[:-1], sizes[1:]))      # n_in biases instead of n_out


def _wrong_count_input_layer_bias(sizes):
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes)   # the input layer has no bias


def _wrong_count_pops_no_bias(sizes):
    total = 0
    while len(sizes) > 1:                  # empties the caller's list, and forgets the biases
        a = sizes.pop(0)
        total += a * sizes[0]
    return total


# ----------------------------------------------------------------------------- q11: one neuron
def _neuron(x, w, b):
    layer = nn.Linear(len(w), 1)            # the torch.nn twin: one output neuron
    with torch.no_grad():
        layer.weight.copy_(torch.as_tensor(w, dtype=torch.float32).view(1, -1))
        layer.bias.fill_(float(b))
        return torch.relu(layer(torch.as_tensor(x, dtype=torch.float32))).item()   # a number: max(0, z) is fine too


_wrong_neuron_no_bias = lambda x, w, b: torch.relu(w @ x)
_wrong_neuron_sigmoid = lambda x, w, b: torch.sigmoid(w @ x + b)
_wrong_neuron_relu_before_bias = lambda x, w, b: torch.relu(w @ x) + b


# ----------------------------------------------------------------------------- q12: softmax
_softmax = lambda z: torch.softmax(torch.as_tensor(z, dtype=torch.float32), dim=-1)
_softmax_naive = lambda z: torch.exp(z) / torch.exp(z).sum()
_wrong_softmax_dim0 = lambda z: torch.softmax(z, dim=0)


def _wrong_softmax_unstable(z):
    e = torch.exp(z)                        # exp(1000) = inf in float32: inf / inf = nan
    return e / e.sum(dim=-1, keepdim=True)


def questions():
    qs = [
        # ---------------------------------------------------------------- source practice list 1 (architecture)
        MultipleChoice("q1", T("DNN की architecture में कौन-कौन से भाग होते हैं? सारे सही विकल्प चुनिए।",
                               "Which parts make up a DNN architecture? Choose all correct options."),
            [T("Input layer, hidden layers और output layer", "Input layer, hidden layers and output layer"),
             T("Weights और biases (सीखे जाने वाले parameters)", "Weights and biases (the learned parameters)"),
             "Activation functions",
             T("Loss function और optimizer", "Loss function and optimizer"),
             T("हर training example के सही उत्तर की एक lookup table, जिससे network जवाब पढ़ता है",
               "A lookup table of the correct answer for every training example, from which the network reads "
               "answers")],
            ["a", "b", "c", "d"],
            why={"e": T("network कहीं रखे हुए उत्तर नहीं पढ़ता; वह weights में एक function सीखता है जो नए inputs पर भी चलता है।",
                        "a network does not read stored answers; it learns a function in its weights that also works "
                        "on new inputs.")},
            hints=[T("notebook के Section 3 की components table देखिए: उसमें 7 rows हैं।",
                     "Look at the components table in Section 3 of the notebook: it has 7 rows."),
                   T("केवल एक विकल्प ग़लत है।", "Only one option is wrong.")],
            solution='q1_answer = ["a", "b", "c", "d"]', wrong=["a", "e"],
            explanation=T("Layers (input, hidden, output), weights और biases, activation functions, loss function और "
                          "optimizer — ये सात हिस्से मिलकर architecture और उसकी training बनाते हैं।",
                          "Layers (input, hidden, output), weights and biases, activation functions, the loss function "
                          "and the optimizer — these seven parts make up the architecture and its training.")),
        MultipleChoice("q2",
            T("Hidden layers कितनी होनी चाहिए — इससे क्या फ़र्क़ पड़ता है? कौन-सा कथन सही है?",
              "How many hidden layers should there be — what difference does it make? Which statement is right?"),
            [T("ज़्यादा layers से test accuracy हमेशा बढ़ती है।", "More layers always raise the test accuracy."),
             T("ज़्यादा layers ज़्यादा जटिल functions सीख सकती हैं, पर parameters, समय और training की कठिनाई (घटते "
               "gradients) बढ़ते हैं, और छोटे data पर overfitting हो सकता है — इसलिए validation set पर मापकर चुनिए।",
               "More layers can represent more complex functions, but parameters, time and training difficulty "
               "(vanishing gradients) grow, and they can overfit small data — so choose by measuring on the validation "
               "set."),
             T("Depth से कोई फ़र्क़ नहीं पड़ता, केवल width मायने रखती है।", "Depth makes no difference; only width matters."),
             T("0 hidden layers वाला network (सीधा input → output) भी XOR जैसी nonlinear problem सीख सकता है।",
               "A network with 0 hidden layers (input → output directly) can learn a nonlinear problem like XOR.")],
            "b",
            why={"a": T("notebook के depth experiment में 8×8 के अंकों (digits) पर 4 layers से कोई साफ़ फ़ायदा नहीं दिखा।",
                        "in the notebook's depth experiment on 8×8 digits, 4 layers brought no clear gain."),
                 "c": T("depth बहुत मायने रखती है: वह तय करती है कि features कितने स्तरों (levels) में बनते हैं।",
                        "depth matters a lot: it decides in how many levels features are built."),
                 "d": T("hidden layer के बिना network केवल एक linear function (+ softmax) है; XOR linear नहीं है।",
                        "without a hidden layer the network is just one linear function (+ softmax); XOR is not "
                        "linear.")},
            hints=[T("notebook का Section 8, प्रश्न 1 देखिए।", "See Section 8, question 1 of the notebook."),
                   T("जो विकल्प 'हमेशा' या 'कोई फ़र्क़ नहीं' कहते हैं, उन पर शक कीजिए।",
                     "Be suspicious of options that say 'always' or 'no difference'.")],
            solution='q2_answer = "b"', wrong="a",
            explanation=T("Depth की कोई एक सही संख्या नहीं है: सरल problem पर 1–2 hidden layers काफ़ी हैं, जटिल problems "
                          "(images, भाषा) पर गहरे networks बेहतर हैं, पर उन्हें सही initialization, BatchNorm और residual "
                          "connections चाहिए।",
                          "There is no single right depth: 1–2 hidden layers suffice for simple problems, deeper "
                          "networks do better on complex ones (images, language), but they need good initialization, "
                          "BatchNorm and residual connections.")),
        TrueFalse("q3",
            T("Activation function का महत्व: अगर 3 `nn.Linear` layers के बीच कोई activation function न हो, तो पूरा "
              "network एक ही `nn.Linear` layer के बराबर है (वह भी केवल linear functions सीख सकता है)।",
              "The role of the activation function: if 3 `nn.Linear` layers have no activation function between them, "
              "the whole network equals a single `nn.Linear` layer (it too can learn only linear functions)."),
            True,
            hints=[T("दो linear functions का composition लिखिए: $W_2(W_1 x + b_1) + b_2$।",
                     "Write the composition of two linear functions: $W_2(W_1 x + b_1) + b_2$."),
                   T("इसे खोलिए: $(W_2 W_1) x + (W_2 b_1 + b_2)$ — यह किस रूप का है?",
                     "Expand it: $(W_2 W_1) x + (W_2 b_1 + b_2)$ — what form is that?")],
            solution="q3_answer = True", wrong=False,
            explanation=T("$W_3(W_2(W_1 x + b_1) + b_2) + b_3 = W x + b$ जहाँ $W = W_3 W_2 W_1$। Activation (जैसे ReLU) "
                          "ही non-linearity लाता है; उसके बिना depth का कोई फ़ायदा नहीं।",
                          "$W_3(W_2(W_1 x + b_1) + b_2) + b_3 = W x + b$ with $W = W_3 W_2 W_1$. The activation (e.g. "
                          "ReLU) is what brings non-linearity; without it depth brings nothing.")),
        MultipleChoice("q4", T("DNN architecture में overfitting कैसे रोका जाता है? सारे सही उपाय चुनिए।",
                               "How is overfitting prevented in a DNN? Choose all correct remedies."),
            ["Dropout",
             T("Early stopping: validation loss न सुधरे तो training रोकना",
               "Early stopping: stop when the validation loss stops improving"),
             T("ज़्यादा training data, या data augmentation", "More training data, or data augmentation"),
             "Weight decay (L2 regularization)",
             T("training loss शून्य होने तक बहुत ज़्यादा epochs चलाना",
               "Training for many more epochs until the training loss is zero"),
             T("बाक़ी कुछ बदले बिना network को बहुत बड़ा कर देना",
               "Making the network much larger without changing anything else")],
            ["a", "b", "c", "d"],
            why={"e": T("ज़्यादा epochs से model training data और ज़्यादा रटता है — notebook के run A में validation loss बढ़ता "
                        "गया।",
                        "more epochs make the model memorise the training data even more — in run A of the notebook "
                        "the validation loss kept rising."),
                 "f": T("ज़्यादा parameters से रटने की क्षमता और बढ़ती है।",
                        "more parameters raise the capacity to memorise.")},
            hints=[T("notebook का Section 6 और Section 7 की challenges table देखिए।",
                     "See Section 6 of the notebook and the challenges table of Section 7."),
                   T("चार उपाय सही हैं, दो उलटा असर करते हैं।", "Four remedies are right; two make it worse.")],
            solution='q4_answer = ["a", "b", "c", "d"]', wrong=["a", "e"],
            explanation=T("Dropout, early stopping, ज़्यादा data/augmentation और weight decay overfitting घटाते हैं। इनमें सबसे "
                          "असरदार आम तौर पर ज़्यादा data है।",
                          "Dropout, early stopping, more data/augmentation and weight decay reduce overfitting. The "
                          "most effective is usually more data.")),
        MultipleChoice("q5", T("Architecture tuning कैसे किया जाता है? कौन-सा तरीक़ा सही है?",
                               "How is architecture tuning done? Which procedure is right?"),
            [T("बहुत सी architectures आज़माइए, जिसकी test accuracy सबसे अच्छी हो उसे चुनिए, और वही test accuracy report "
               "कीजिए।",
               "Try many architectures, pick the one with the best test accuracy, and report that test accuracy."),
             T("एक बार में एक चीज़ (depth, width, activation, dropout…) बदलिए, validation set पर मापिए, parameters और समय "
               "भी लिखिए; फिर चुनी हुई architecture को test set पर केवल एक बार मापिए।",
               "Change one thing at a time (depth, width, activation, dropout…), measure on the validation set, note "
               "the parameters and time too; then measure the chosen architecture on the test set only once."),
             T("जिसका training loss सबसे कम हो, वही architecture चुनिए।",
               "Pick the architecture with the lowest training loss."),
             T("हमेशा सबसे बड़ा network लीजिए जो memory में आ जाए।",
               "Always take the largest network that fits in memory.")],
            "b",
            why={"a": T("test set पर चुनने से test accuracy आशावादी (optimistic) हो जाती है: test set अब 'नया data' नहीं "
                        "रहा।",
                        "choosing on the test set makes the test accuracy optimistic: it is no longer 'new data'."),
                 "c": T("सबसे कम training loss अक्सर सबसे ज़्यादा overfit model का होता है।",
                        "the lowest training loss often belongs to the most overfitted model."),
                 "d": T("बड़ा network धीमा है और छोटे data पर overfit कर सकता है — notebook के Section 6 में बड़े network ने 150 "
                        "examples रट लिए। width भी validation set पर मापकर चुनिए।",
                        "a large network is slow and can overfit small data — in Section 6 of the notebook the large "
                        "network memorised 150 examples. Choose the width by measuring on the validation set too.")},
            hints=[T("data के तीन हिस्से हैं: train, validation, test। हर एक किस काम का है?",
                     "The data has three parts: train, validation, test. What is each one for?"),
                   T("notebook के Section 8 का आख़िरी पैराग्राफ़ पढ़िए।",
                     "Read the last paragraph of Section 8 of the notebook.")],
            solution='q5_answer = "b"', wrong="a",
            explanation=T("Validation set चुनने के लिए, test set आख़िरी, निष्पक्ष माप के लिए। छोटे experiments (कम epochs) से "
                          "शुरू कीजिए, एक बार में एक चीज़ बदलिए, और हो सके तो कई seeds पर दोहराइए।",
                          "The validation set is for choosing, the test set for the final honest measurement. Start "
                          "with small experiments (few epochs), change one thing at a time, and if you can, repeat "
                          "with several seeds.")),
        # ---------------------------------------------------------------- source practice list 2 (training)
        MultipleChoice("q6",
            T("DNN और shallow network में क्या फ़र्क़ है? स्रोत नोट्स की परिभाषा (एक से ज़्यादा hidden layers) से इनमें से कौन-से networks "
              "DNN हैं? (संख्याएँ हर layer के neurons हैं।)",
              "What is the difference between a DNN and a shallow network? By the source's definition (more than one "
              "hidden layer), which of these networks are DNNs? (The numbers are the neurons per layer.)"),
            ["64 → 10", "64 → 128 → 10", "64 → 128 → 64 → 10", "784 → 512 → 256 → 10"], ["c", "d"],
            why={"a": T("इसमें कोई hidden layer नहीं है: यह सीधा linear classifier है।",
                        "it has no hidden layer: it is a plain linear classifier."),
                 "b": T("इसमें केवल 1 hidden layer (128) है: यह shallow network है।",
                        "it has only 1 hidden layer (128): a shallow network.")},
            hints=[T("पहली संख्या input है और आख़िरी output; बीच की संख्याएँ hidden layers हैं।",
                     "The first number is the input and the last the output; the numbers in between are hidden "
                     "layers."),
                   T("जिनमें बीच में 2 संख्याएँ हैं, वे DNN हैं।", "Those with 2 numbers in between are DNNs.")],
            solution='q6_answer = ["c", "d"]', wrong=["b", "c", "d"],
            explanation=T("Shallow network में 1 hidden layer होती है; DNN में कई, जो features को कई स्तरों में बनाती हैं। ध्यान "
                          "रहे: literature में 'deep' की कोई एक तय सीमा नहीं है।",
                          "A shallow network has 1 hidden layer; a DNN has several, which build features in several "
                          "levels. Note: the literature has no single threshold for 'deep'.")),
        MultipleChoice("q7", T("DNN की training में कौन-कौन से steps होते हैं, और किस क्रम में (हर batch पर)?",
                               "What are the steps of training a DNN, and in which order (for every batch)?"),
            ["Forward pass → loss → backward pass → optimizer step",
             "Backward pass → forward pass → optimizer step → loss",
             "Forward pass → optimizer step → loss → backward pass",
             "Loss → forward pass → backward pass → optimizer step"],
            "a",
            why={"b": T("backward pass को loss चाहिए, और loss को forward pass की prediction।",
                        "the backward pass needs the loss, and the loss needs the forward pass's prediction."),
                 "c": T("optimizer step को gradients चाहिए, जो backward pass से आते हैं।",
                        "the optimizer step needs gradients, which come from the backward pass."),
                 "d": T("loss निकालने के लिए पहले prediction (forward pass) चाहिए।",
                        "to compute the loss you first need a prediction (the forward pass).")},
            hints=[T("हर step को पिछले step का परिणाम चाहिए।", "Each step needs the result of the previous one."),
                   T("gradient किसका निकलता है? loss का।", "The gradient of what? Of the loss.")],
            solution='q7_answer = "a"', wrong="c",
            explanation=T("Forward pass prediction देता है, loss ग़लती मापता है, backward pass हर weight का gradient "
                          "निकालता है, optimizer step weights बदलता है (और उससे पहले optimizer.zero_grad() पुराने gradients "
                          "मिटाता है)।",
                          "The forward pass gives the prediction, the loss measures the error, the backward pass "
                          "computes every weight's gradient, the optimizer step changes the weights (and before it, "
                          "optimizer.zero_grad() clears the old gradients).")),
        MultipleChoice("q8", T("घटते (vanishing) gradients की समस्या क्या है और इसे कैसे दूर किया जाता है? सारे सही कथन चुनिए।",
                               "What is a vanishing gradient and how is it solved? Choose all correct statements."),
            [T("Backpropagation में gradients पीछे की (शुरुआती) layers तक पहुँचते-पहुँचते बहुत छोटे हो जाते हैं, इसलिए वे layers लगभग "
               "नहीं सीखतीं।",
               "In backpropagation the gradients become tiny on their way back to the early layers, so those layers "
               "barely learn."),
             T("Sigmoid/tanh की जगह ReLU लगाने से मदद मिलती है।", "Using ReLU instead of sigmoid/tanh helps."),
             T("सही weight initialization (Xavier/He) मदद करता है।", "Proper weight initialization (Xavier/He) helps."),
             T("Batch normalization और residual connections मदद करते हैं।",
               "Batch normalization and residual connections help."),
             T("यह बहुत बड़ी learning rate से होता है।", "It is caused by a learning rate that is too large."),
             T("और ज़्यादा sigmoid layers जोड़ने से यह ठीक हो जाता है।", "Adding more sigmoid layers fixes it.")],
            ["a", "b", "c", "d"],
            why={"e": T("बहुत बड़ी learning rate से loss बेक़ाबू होकर बढ़ता (diverge करता) है; घटते gradients network की "
                        "बनावट (activations, depth, initialization) से आते हैं।",
                        "a too-large learning rate makes the loss diverge; vanishing gradients come from the network's "
                        "make-up (activations, depth, initialization)."),
                 "f": T("हर sigmoid gradient को कम से कम 4 गुना छोटा करता है (उसका derivative अधिकतम 0.25 है); ज़्यादा layers "
                        "समस्या बढ़ाती हैं।",
                        "every sigmoid shrinks the gradient at least 4 times (its derivative is at most 0.25); more "
                        "layers make it worse.")},
            hints=[T("chain rule में हर layer का एक गुणक (factor) गुणा होता है। अगर हर गुणक < 1 हो तो?",
                     "The chain rule multiplies one factor per layer. What if every factor is < 1?"),
                   T("चार कथन सही हैं।", "Four statements are right.")],
            solution='q8_answer = ["a", "b", "c", "d"]', wrong=["a", "e", "f"],
            explanation=T("घटते gradients: कई छोटे गुणकों का गुणनफल शून्य के पास चला जाता है। उपाय: ReLU, Xavier/He "
                          "initialization, BatchNorm, residual connections (notebooks 02–04)।",
                          "Vanishing gradient: the product of many small factors goes towards zero. Remedies: ReLU, "
                          "Xavier/He initialization, BatchNorm, residual connections (notebooks 02–04).")),
        Code("q9", T("PyTorch में DNN implement करने का तरीक़ा: function `make_dnn(n_in, hidden, n_out)` लिखिए जो "
                     "`nn.Sequential` लौटाए: `hidden` की हर size के लिए `nn.Linear` + `nn.ReLU`, और अंत में output "
                     "`nn.Linear` (logits, कोई softmax नहीं)। `make_dnn(64, [512, 256], 10)` notebook का network है; "
                     "checker उसे `coursekit.MLP` (वही weights) से मिलाता है।",
                     "How to implement a DNN in PyTorch: write `make_dnn(n_in, hidden, n_out)` returning an "
                     "`nn.Sequential`: `nn.Linear` + `nn.ReLU` for each size in `hidden`, then an output `nn.Linear` "
                     "(logits, no softmax). `make_dnn(64, [512, 256], 10)` is the notebook's network; the checker "
                     "compares it with `coursekit.MLP` (same weights)."),
            grader=grade_make_dnn, answer_name="make_dnn",
            starter="def make_dnn(n_in, hidden, n_out):\n    layers = []\n    for h in hidden:\n"
                    "        layers += [____, nn.ReLU()]   # a Linear layer from n_in to h, then ReLU\n"
                    "        n_in = h\n    layers.append(____)             # the output layer: logits\n"
                    "    return nn.Sequential(*layers)",
            solution="def make_dnn(n_in, hidden, n_out):\n    layers = []\n    for h in hidden:\n"
                     "        layers += [nn.Linear(n_in, h), nn.ReLU()]   # (B, n_in) -> (B, h)\n"
                     "        n_in = h\n    layers.append(nn.Linear(n_in, n_out))      # (B, h) -> (B, n_out) logits\n"
                     "    return nn.Sequential(*layers)",
            wrongs=[lambda n_in, hidden, n_out: nn.Sequential(nn.Linear(n_in, n_out)), _wrong_dnn_softmax_output,
                    _wrong_dnn_sigmoid, _wrong_dnn_fixed_sizes, _wrong_dnn_no_bias, _wrong_dnn_dropout],
            hints=[T("hidden layer: `nn.Linear(n_in, h)`; loop में `n_in = h` से h अगली layer का input size बन जाता है।",
                     "A hidden layer: `nn.Linear(n_in, h)`; `n_in = h` in the loop makes it the next layer's input "
                     "size."),
                   T("Output layer: `nn.Linear(n_in, n_out)` — उसके बाद कोई activation या softmax नहीं।",
                     "The output layer: `nn.Linear(n_in, n_out)` — no activation or softmax after it.")],
            explanation=T("यही notebook की स्रोत नोट्स वाली classes `DNN`/`SimpleDNN` और `coursekit.MLP` का ढाँचा है।",
                          "This is the structure of the notebook's source classes `DNN`/`SimpleDNN` and of "
                          "`coursekit.MLP`.")),
        # ---------------------------------------------------------------- coding exercises
        Code("q10", T("Function `count_dnn_params(sizes)` लिखिए जो layer sizes की list (जैसे `[784, 512, 256, 10]`) से एक "
                      "fully-connected network के parameters (weights + biases) की कुल संख्या लौटाए। सूत्र: हर layer के लिए $n_{l-1} \\cdot "
                      "n_l + n_l$।",
                      "Write `count_dnn_params(sizes)` returning the total number of parameters (weights + biases) of "
                      "a fully connected network from its list of layer sizes (e.g. `[784, 512, 256, 10]`). Formula: "
                      "$n_{l-1} \\cdot n_l + n_l$ per layer."),
            reference=_count_dnn_params,
            cases=[Case(([784, 512, 256, 10],),
                        about=T("स्रोत नोट्स का network: 401,920 + 131,328 + 2,570 = 535,818",
                                "the source's network: 401,920 + 131,328 + 2,570 = 535,818")),
                   Case(([64, 512, 256, 10],), about=T("digits वाला network: 167,178", "the digits network: 167,178")),
                   Case(([3, 4, 2],), about=T("3·4+4 + 4·2+2 = 26", "3·4+4 + 4·2+2 = 26")),
                   Case(([10, 1],),
                        about=T("एक ही layer: 10 weights + 1 bias", "a single layer: 10 weights + 1 bias"))],
            answer_name="count_dnn_params",
            starter="def count_dnn_params(sizes):\n    pairs = zip(sizes[:-1], sizes[1:])          # (n_in, n_out) of every layer\n"
                    "    return sum(____ for n_in, n_out in pairs)   # weights + biases of each layer",
            solution="def count_dnn_params(sizes):\n    total = 0\n    for n_in, n_out in zip(sizes[:-1], sizes[1:]):\n"
                     "        total += n_in * n_out + n_out   # weights + biases of one layer\n    return total",
            wrongs=[_wrong_count_weights_only, _wrong_count_bias_per_input, _wrong_count_input_layer_bias,
                    _wrong_count_pops_no_bias],
            hints=[T("`zip(sizes[:-1], sizes[1:])` हर layer का (n_in, n_out) जोड़ा देता है।",
                     "`zip(sizes[:-1], sizes[1:])` gives the (n_in, n_out) pair of every layer."),
                   T("weights: n_in * n_out; biases: n_out (हर output neuron का एक)।",
                     "weights: n_in * n_out; biases: n_out (one per output neuron)."),
                   T("notebook में `coursekit.count_parameters(model)` से अपना उत्तर जाँच सकते हैं।",
                     "In the notebook you can check your answer with `coursekit.count_parameters(model)`.")]),
        Code("q11", T("एक neuron का forward pass: `neuron(x, w, b)` लिखिए जो $z = \\mathbf{w} \\cdot \\mathbf{x} + b$ "
                      "निकाले और फिर $a = \\mathrm{ReLU}(z)$ लौटाए। `x` और `w` 1-D tensors हैं, `b` एक संख्या। checker उत्तर को "
                      "`nn.Linear(n, 1)` + ReLU (वही weights) से मिलाता है।",
                      "The forward pass of one neuron: write `neuron(x, w, b)` returning $z = \\mathbf{w} \\cdot "
                      "\\mathbf{x} + b$ followed by $a = \\mathrm{ReLU}(z)$. `x` and `w` are 1-D tensors, `b` a "
                      "number. The checker compares with `nn.Linear(n, 1)` + ReLU (same weights)."),
            reference=_neuron, atol=1e-5,
            cases=[Case((torch.tensor([1.0, 2.0, 3.0]), torch.tensor([0.5, -0.25, 0.2]), 0.1),
                        about=T("notebook का उदाहरण: z = 0.7", "the notebook's example: z = 0.7")),
                   Case((torch.tensor([1.0, 2.0]), torch.tensor([-1.0, 0.25]), 0.2),
                        about=T("यहाँ z = -0.3 < 0 है, इसलिए ReLU के बाद 0", "here z = -0.3 < 0, so 0 after ReLU")),
                   Case((torch.tensor([0.5, -1.0, 2.0, 4.0]), torch.tensor([2.0, 1.0, 0.5, -0.1]), -0.5))],
            answer_name="neuron",
            starter="def neuron(x, w, b):\n    z = ____          # weighted sum + bias\n    return ____       # ReLU",
            solution="def neuron(x, w, b):\n    z = w @ x + b            # dot product + bias -> scalar\n"
                     "    return torch.relu(z)",
            wrongs=[lambda x, w, b: w @ x + b, _wrong_neuron_no_bias, _wrong_neuron_sigmoid,
                    _wrong_neuron_relu_before_bias],
            hints=[T("dot product: `w @ x` या `(w * x).sum()`।", "The dot product: `w @ x` or `(w * x).sum()`."),
                   T("ReLU: `torch.relu(z)` या `z.clamp(min=0)`।", "ReLU: `torch.relu(z)` or `z.clamp(min=0)`.")]),
        Code("q12",
            T("`softmax(z)` लिखिए जो logits को आख़िरी dimension पर probabilities में बदले: "
              "$\\mathrm{softmax}(\\mathbf{z})_k = e^{z_k} / \\sum_j e^{z_j}$। यह 1-D (K,) और 2-D (B, K) दोनों tensors "
              "पर चले, और बड़े logits (जैसे 1000) पर भी `nan` न दे। checker `torch.softmax` से मिलाता है।",
              "Write `softmax(z)` turning logits into probabilities over the last dimension: "
              "$\\mathrm{softmax}(\\mathbf{z})_k = e^{z_k} / \\sum_j e^{z_j}$. It must work on 1-D (K,) and 2-D (B, K) "
              "tensors, and give no `nan` for large logits (such as 1000). The checker compares with `torch.softmax`."),
            reference=_softmax, atol=1e-5,
            cases=[Case((torch.tensor([2.0, 1.0, 0.1]),),
                        about=T("notebook का उदाहरण: (0.659, 0.242, 0.099)",
                                "the notebook's example: (0.659, 0.242, 0.099)")),
                   Case((torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]),),
                        about=T("(B, K) batch: हर row का जोड़ अलग से 1 होना चाहिए — sum(dim=-1, keepdim=True)",
                                "a (B, K) batch: each row must sum to 1 on its own — sum(dim=-1, keepdim=True)")),
                   Case((torch.tensor([1000.0, 1001.0, 1002.0]),),
                        about=T("exp(1000) float32 में inf है: पहले हर row का max घटाइए — परिणाम वही रहता है",
                                "exp(1000) is inf in float32: subtract each row's max first — the result is "
                                "unchanged")),
                   Case((torch.tensor([[5.0], [-2.0]]),),
                        about=T("K = 1: एक ही class की probability हमेशा 1",
                                "K = 1: a single class always has probability 1"))],
            answer_name="softmax",
            starter="def softmax(z):\n    # z: (..., K) logits -> (..., K) probabilities over the last dimension\n    return ____",
            solution="def softmax(z):\n    z = z - z.max(dim=-1, keepdim=True).values   # (..., K) no overflow, same result\n"
                     "    e = torch.exp(z)\n    return e / e.sum(dim=-1, keepdim=True)       # (..., K)",
            wrongs=[_softmax_naive, _wrong_softmax_dim0, _wrong_softmax_unstable, torch.sigmoid],
            hints=[T("सीधा सूत्र: `torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)`।",
                     "The plain formula: `torch.exp(z) / torch.exp(z).sum(dim=-1, keepdim=True)`."),
                   T("$e^{z_k - m} / \\sum_j e^{z_j - m}$ किसी भी $m$ के लिए वही है; $m$ = row का max लीजिए।",
                     "$e^{z_k - m} / \\sum_j e^{z_j - m}$ is the same for any $m$; take $m$ = the row's max."),
                   T("`z.max(dim=-1, keepdim=True).values` हर row का max (..., 1) shape में देता है।",
                     "`z.max(dim=-1, keepdim=True).values` gives each row's max with shape (..., 1).")]),
        Code("q13", T("एक manual training step लिखिए: `train_step(model, x, y, optimizer, loss_fn)` एक batch पर चारों "
                      "steps चलाए (forward pass, loss, backward pass, optimizer step) और update से पहले वाला loss एक संख्या "
                      "(`float`) के रूप में लौटाए। ध्यान दीजिए: checker आपको ऐसा model देता है जिसमें पिछले step के gradients बचे हुए हैं।",
                      "Write one manual training step: `train_step(model, x, y, optimizer, loss_fn)` runs the four "
                      "steps on one batch (forward pass, loss, backward pass, optimizer step) and returns the loss "
                      "before the update as a number (`float`). Careful: the checker hands you a model with gradients "
                      "left over from a previous step."),
            grader=grade_train_step, answer_name="train_step",
            starter="def train_step(model, x, y, optimizer, loss_fn):\n    logits = ____        # 1. forward pass\n"
                    "    loss = ____          # 2. loss\n    ____                 # clear old gradients\n"
                    "    ____                 # 3. backward pass\n    ____                 # 4. optimizer step\n"
                    "    return loss.item()",
            solution="def train_step(model, x, y, optimizer, loss_fn):\n    logits = model(x)            # 1. forward pass (B, C)\n"
                     "    loss = loss_fn(logits, y)    # 2. loss (a scalar)\n    optimizer.zero_grad()        # clear old gradients\n"
                     "    loss.backward()              # 3. backward pass\n    optimizer.step()             # 4. optimizer step\n"
                     "    return loss.item()",
            wrongs=[step_without_zero_grad, wrong_step_zero_grad_after_backward, wrong_step_returns_tensor,
                    wrong_step_loss_after_update],
            hints=[T("notebook के Section 5.1 का loop देखिए: loop के अंदर की पाँच lines।",
                     "Look at the loop in Section 5.1 of the notebook: the five lines inside the loop."),
                   T("`optimizer.zero_grad()` को `loss.backward()` से पहले चलाना है।",
                     "`optimizer.zero_grad()` must run before `loss.backward()`."),
                   T("`loss.item()` tensor से Python float निकालता है।",
                     "`loss.item()` turns the tensor into a Python float.")]),
        MultipleChoice("q14",
            T("(स्रोत नोट्स का आख़िरी प्रश्न) DNN किन-किन क्षेत्रों में इस्तेमाल होते हैं? नोट्स की applications table के सही उदाहरण चुनिए।",
              "(The source notes' last question) In which domains are DNNs used? Choose the correct examples from the "
              "notes' applications table."),
            ["Computer vision: image classification, object detection",
             "NLP: text classification, sentiment analysis",
             T("Healthcare: X-ray से बीमारी की पहचान", "Healthcare: disease prediction from X-rays"),
             "Finance: credit scoring, fraud detection",
             T("दो संख्याओं का जोड़ जैसा कोई पक्का नियम, जिसे एक line का code ठीक-ठीक कर देता है",
               "An exact rule such as adding two numbers, which one line of code does exactly")],
            ["a", "b", "c", "d"],
            why={"e": T("जिस काम का पक्का नियम पहले से पता है, उसके लिए data से सीखने वाला model बेकार है: code सटीक, तेज़ और सस्ता "
                        "है।",
                        "where the exact rule is already known, a model learned from data is pointless: code is exact, "
                        "fast and cheap.")},
            hints=[T("notebook के Section 7 की applications table देखिए।",
                     "See the applications table in Section 7 of the notebook."),
                   T("चार उदाहरण सही हैं; DNN तब काम आता है जब नियम data से सीखना पड़े।",
                     "Four examples are right; a DNN helps when the rule has to be learned from data.")],
            solution='q14_answer = ["a", "b", "c", "d"]', wrong=["a", "b", "e"],
            explanation=T("नोट्स की table: computer vision, NLP, healthcare, finance और robotics (sensor fusion, "
                          "control)। व्यवहार में images के लिए CNN और text के लिए RNN/transformer जैसे ख़ास deep networks "
                          "इस्तेमाल होते हैं; इस notebook जैसे fully-connected DNN (MLP) tabular data पर आम हैं।",
                          "The notes' table: computer vision, NLP, healthcare, finance and robotics (sensor fusion, "
                          "control). In practice images get specialised deep networks such as CNNs, and text RNNs or "
                          "transformers; fully connected DNNs (MLPs) like the one in the notebook are common on "
                          "tabular data.")),
    ]
    qs[-2].timeout = 60.0  # the first optimizer created in a session imports torch._dynamo (seconds on a slow CPU)
    return qs
