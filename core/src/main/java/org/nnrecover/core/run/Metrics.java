package org.nnrecover.core.run;

/**
 * The state of a network at one point of a run (after initialization, or at the end). The error
 * fields are null when the ground truth is unknown.
 *
 * @param unitError min over permutations of max_j |w*_j - w_pi(j)| / |w*_j|
 * @param frobError min over permutations of |W* - W_pi|_F / |W*|_F
 * @param signsCorrect whether sum_i v_i = sum_i v*_i (the paper's Figure 1b check)
 * @param success unitError <= 0.01 and v_pi(j) = v*_j for every j
 * @param directionError largest distance between matched unit directions (scale-invariant form)
 * @param productError largest relative error of the products v_i |w_i|^p (scale-invariant form;
 *     null for a non-homogeneous activation)
 * @param objective the training objective f_S
 * @param relativeObjective f_S divided by the zero network's loss mean(y^2)/2
 * @param seconds wall time of the phase
 */
public record Metrics(Double unitError, Double frobError, Boolean signsCorrect, Boolean success,
    Double directionError, Double productError, double objective, double relativeObjective,
    double seconds) {}
