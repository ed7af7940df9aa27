/* LAC's CRF decoded one sentence at a time: the best tag path (Viterbi, float32) and the
 * marginal probability of each chosen tag (a scaled forward-backward pass, float64).
 *
 * Compiled at install by hatch_build.py (cc -O2 -ffp-contract=off) and loaded with ctypes
 * by kg/nlp/lac_decode.py, whose numpy decode is the reference: both add, multiply and divide in
 * the same order (every sum runs from the first term to the last; no fused multiply-add),
 * so their results are equal bit for bit, and a sentence's result never depends on the
 * other sentences of its batch. The exponentials are taken by numpy and passed in.
 */
#include <stdint.h>
#include <stdlib.h>

#if defined(__GNUC__) && defined(__x86_64__) && !defined(KG_NO_CLONES)
/* an AVX2 copy chosen at load time where the processor has it: the same IEEE operations
 * (no FMA), so the same bits */
__attribute__((target_clones("avx2", "default")))
#endif
int kg_crf_decode(int64_t batch, int64_t width, int64_t n, const float *emissions,
                  const double *likely, const int64_t *lengths, const float *transitions,
                  const double *exp_transitions, int64_t *paths, double *marginals)
{
    float *score = malloc(n * sizeof(float));
    float *next = malloc(n * sizeof(float));
    int32_t *pointers = malloc(width * n * sizeof(int32_t));
    double *alphas = malloc(width * n * sizeof(double));
    double *betas = malloc(width * n * sizeof(double));
    double *scale = malloc(width * sizeof(double));
    double *sums = malloc(n * sizeof(double));
    double *weighted = malloc(n * sizeof(double));
    double *transposed = malloc(n * n * sizeof(double));
    int status = 0;
    if (!score || !next || !pointers || !alphas || !betas || !scale || !sums || !weighted ||
        !transposed) {
        status = -1;
        goto done;
    }
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            transposed[j * n + i] = exp_transitions[i * n + j];
        }
    }
    for (int64_t b = 0; b < batch; b++) {
        const int64_t length = lengths[b];
        const float *e = emissions + b * width * n;
        const double *l = likely + b * width * n;
        int64_t *path = paths + b * width;
        double *marginal = marginals + b * width;
        if (length <= 0 || length > width) {
            continue;
        }
        /* Viterbi: the first best predecessor, as numpy's argmax takes it */
        for (int64_t j = 0; j < n; j++) {
            score[j] = e[j];
        }
        for (int64_t t = 1; t < length; t++) {
            int32_t *pointer = pointers + t * n;
            for (int64_t j = 0; j < n; j++) {
                next[j] = score[0] + transitions[j];
                pointer[j] = 0;
            }
            for (int64_t i = 1; i < n; i++) {
                const float from = score[i];
                const float *row = transitions + i * n;
                for (int64_t j = 0; j < n; j++) {
                    const float value = from + row[j];
                    if (value > next[j]) {
                        next[j] = value;
                        pointer[j] = (int32_t)i;
                    }
                }
            }
            for (int64_t j = 0; j < n; j++) {
                score[j] = next[j] + e[t * n + j];
            }
        }
        int64_t tag = 0;
        for (int64_t j = 1; j < n; j++) {
            if (score[j] > score[tag]) {
                tag = j;
            }
        }
        for (int64_t t = width - 1; t >= length; t--) {
            path[t] = tag;
        }
        for (int64_t t = length - 1; t >= 0; t--) {
            path[t] = tag;
            if (t > 0) {
                tag = pointers[t * n + tag];
            }
        }
        /* forward: alpha[t] = (alpha[t-1] . E) * likely[t], scaled to sum to one */
        for (int64_t t = 0; t < length; t++) {
            double *alpha = alphas + t * n;
            if (t == 0) {
                for (int64_t j = 0; j < n; j++) {
                    alpha[j] = l[j];
                }
            } else {
                const double *before = alphas + (t - 1) * n;
                for (int64_t j = 0; j < n; j++) {
                    sums[j] = 0.0;
                }
                for (int64_t i = 0; i < n; i++) {
                    const double *row = exp_transitions + i * n;
                    for (int64_t j = 0; j < n; j++) {
                        sums[j] += before[i] * row[j];
                    }
                }
                for (int64_t j = 0; j < n; j++) {
                    alpha[j] = sums[j] * l[t * n + j];
                }
            }
            double total = 0.0;
            for (int64_t j = 0; j < n; j++) {
                total += alpha[j];
            }
            scale[t] = total;
            for (int64_t j = 0; j < n; j++) {
                alpha[j] = alpha[j] / total;
            }
        }
        /* backward: beta[t][i] = sum_j likely[t+1][j] beta[t+1][j] E[i][j] / scale[t+1] */
        for (int64_t j = 0; j < n; j++) {
            betas[(length - 1) * n + j] = 1.0;
        }
        for (int64_t t = length - 2; t >= 0; t--) {
            const double *after = betas + (t + 1) * n;
            double *beta = betas + t * n;
            for (int64_t j = 0; j < n; j++) {
                weighted[j] = l[(t + 1) * n + j] * after[j];
            }
            /* by columns of E (rows of its transpose), so that the loop over i is the
             * inner one: the same sum over j, in the same order, for every i at once */
            for (int64_t i = 0; i < n; i++) {
                sums[i] = 0.0;
            }
            for (int64_t j = 0; j < n; j++) {
                const double w = weighted[j];
                const double *column = transposed + j * n;
                for (int64_t i = 0; i < n; i++) {
                    sums[i] += w * column[i];
                }
            }
            for (int64_t i = 0; i < n; i++) {
                beta[i] = sums[i] / scale[t + 1];
            }
        }
        for (int64_t t = 0; t < length; t++) {
            const double *alpha = alphas + t * n;
            const double *beta = betas + t * n;
            double total = 0.0;
            for (int64_t j = 0; j < n; j++) {
                total += alpha[j] * beta[j];
            }
            const int64_t chosen = path[t];
            marginal[t] = (alpha[chosen] * beta[chosen]) / total;
        }
    }
done:
    free(score);
    free(next);
    free(pointers);
    free(alphas);
    free(betas);
    free(scale);
    free(sums);
    free(weighted);
    free(transposed);
    return status;
}
