"""The presets' notes on their source texts ("where" each number is printed, and what is wrong where the
text errs), listed for lupdate so that the one catalogue holds their Korean: a note is data (the
presets' "source" entries), looked up by its English text (core.teaching.source_match). A test holds
this list to the notes the presets carry."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:   # noqa: N802 (the name lupdate looks for)
    return text


CONTEXT = "SourceNotes"
NOTES = (
    QT_TRANSLATE_NOOP("SourceNotes", "1. output layer weights"),
    QT_TRANSLATE_NOOP("SourceNotes", "2. hidden layer weights"),
    QT_TRANSLATE_NOOP("SourceNotes", "2. hidden layer weights, bias"),
    QT_TRANSLATE_NOOP("SourceNotes", "W11 is 0.3 (as the code sets it): W11+ = 0.3 - 0.5 * 0.00080888 = 0.29959556, "
                                     "which is the result printed"),
    QT_TRANSLATE_NOOP("SourceNotes", "[2] output layer"),
    QT_TRANSLATE_NOOP("SourceNotes", "a closing brace is missing: \\frac{\\partial z_1}{\\partial W_{11}}"),
    QT_TRANSLATE_NOOP("SourceNotes", "a doubled \"0.\": h2 = sigmoid(z2) = 0.52747230 (the code output prints "
                                     "0.527472304345)"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, U11+ = 0.45 - 0.5 * 0.02592286"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, U12+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, U21+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, U22+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, chain rule of dE/dU12"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, dE/dU11"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, learning rate α"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 1, third term"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, W11+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, W11+ = 0.2 - 0.5 * 0.00080888"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, W12+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, W21+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, W22+"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, chain rule of dE/dW12"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, dE/dW11"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, dE/dh1 = dE1/dh1 + dE2/dh1"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, dE1/dh1 = -(y1-o1)*o1(1-o1)*U11"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, dE2/dh1 = -(y2-o2)*o2(1-o2)*U12"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, h1(1-h1)"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, summary of dE/dW11"),
    QT_TRANSLATE_NOOP("SourceNotes", "back propagation step 2, x1 in 0.03240681×0.24960043×0.1"),
    QT_TRANSLATE_NOOP("SourceNotes", "code output"),
    QT_TRANSLATE_NOOP("SourceNotes", "code: layer.update_w = 0.5 * layer.update_w + ..."),
    QT_TRANSLATE_NOOP("SourceNotes", "d/dz e^{-z} = −e^{-z} (the derivative is taken with respect to z)"),
    QT_TRANSLATE_NOOP("SourceNotes", "derivative of the sigmoid"),
    QT_TRANSLATE_NOOP("SourceNotes", "error"),
    QT_TRANSLATE_NOOP("SourceNotes", "forward pass, hidden layer"),
    QT_TRANSLATE_NOOP("SourceNotes", "forward pass, output layer"),
    QT_TRANSLATE_NOOP("SourceNotes", "initial values (code)"),
    QT_TRANSLATE_NOOP("SourceNotes", "matrix form"),
    QT_TRANSLATE_NOOP("SourceNotes", "stochastic gradient descent"),
    QT_TRANSLATE_NOOP("SourceNotes", "t1 = U11*h1 + U21*h2 (h2, not t2), as in the forward pass; ∂t1/∂U11 = h1 is "
                                     "right"),
    QT_TRANSLATE_NOOP("SourceNotes", "t1 = U11*h1 + U21*h2: the second term takes h2, not t2 (the code writes t1 = "
                                     "h1*U11+h2*U21, and only that gives the printed 0.44498412)"),
    QT_TRANSLATE_NOOP("SourceNotes", "t2 = U12*h1 + U22*h2: t2 cannot be defined by itself; the second term takes "
                                     "h2 (the code writes t2 = h1*U12+h2*U22, and only that gives the printed "
                                     "0.68047592)"),
    QT_TRANSLATE_NOOP("SourceNotes", "the first line sets the derivative equal to E itself: it should read ∂E/∂w_jk "
                                     "= ∂/∂w_jk ½ Σ_k (a_k − t_k)²"),
    QT_TRANSLATE_NOOP("SourceNotes", "the heading over E1, E2 and E: these are half squared errors, not an entropy "
                                     "(and the word is misspelt)"),
    QT_TRANSLATE_NOOP("SourceNotes", "the hidden weight gradient is δ_j a_i; dropping a_i from it gives dE/db_j = "
                                     "δ_j (the text then writes ∂E/∂b_i where b_j is meant)"),
    QT_TRANSLATE_NOOP("SourceNotes", "the loss used is E = ½ Σ_k (y_k − o_k)² (E1 = ½(y1−o1)², E2 = ½(y2−o2)²), the "
                                     "half sum of squares; it agrees with 1/N Σ only because there are N = 2 "
                                     "outputs, and ŷ lacks its index i"),
    QT_TRANSLATE_NOOP("SourceNotes", "the objective defined above is the mean squared error J = 1/N Σ (y − φ(z))², "
                                     "not SSE"),
    QT_TRANSLATE_NOOP("SourceNotes", "the output neuron's bias is b_k: z_k = b_k + Σ_j g_j(z_j) w_jk"),
    QT_TRANSLATE_NOOP("SourceNotes", "the sigmoid is 1/(1+e^{-z}), with a plus sign"),
    QT_TRANSLATE_NOOP("SourceNotes", "the variable is z throughout: d/dz [1/(1+e^{-z})]; three lines of the "
                                     "derivation write e^{-x}"),
    QT_TRANSLATE_NOOP("SourceNotes", "x_2 = f_2(W_2 x_1): a minus sign stands where the subscript's underscore "
                                     "belongs"),
    QT_TRANSLATE_NOOP("SourceNotes", "z_j = b_j + Σ_i a_i w_ij: the hidden bias is b_j and the inputs are a_i, not "
                                     "z_i"),
    QT_TRANSLATE_NOOP("SourceNotes", "δ^(L) is dJ/dz^(L), the derivative with respect to the output neuron's input; "
                                     "dJ/dθ is δ times the activation feeding the weight"),
    QT_TRANSLATE_NOOP("SourceNotes", "∂t2/∂U12: U12 carries h1 into t2 (t1 does not depend on U12, so ∂t1/∂U12 = "
                                     "0); the printed U12+ = 0.69629578 is the one ∂t2/∂U12 = h1 gives"),
    QT_TRANSLATE_NOOP("SourceNotes", "∂z2/∂W12: W12 carries x1 into z2 (z1 does not depend on W12, so ∂z1/∂W12 = 0 "
                                     "and W12 would not move); the printed W12+ = 0.39964496 is the one ∂z2/∂W12 = "
                                     "x1 gives"),
)
