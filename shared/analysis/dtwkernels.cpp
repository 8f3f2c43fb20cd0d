// SPDX-License-Identifier: MIT
// Wavefront (SSE2) and row-by-row DTW distance kernels with early abandoning.
#include "analysis/dtwkernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace Proctor::Dtw::Kernels {

namespace {

template <typename T> constexpr T kInf = std::numeric_limits<T>::infinity();

// Reused across calls: a 1-vs-N search calls the kernel thousands of times and should not allocate.
template <typename T> struct Workspace
{
    std::vector<T> ax, ay, bx, by;
    std::vector<T> diagonals;
};

template <typename T> Workspace<T> &workspace()
{
    thread_local Workspace<T> ws;
    return ws;
}

// out[k] = cost(a[k], b[k]) + min(up[k], left[k], leftUp[k]) for k < w; returns min over out.
// `diag` is the cell two anti-diagonals back (i-1, j-1); `left`/`up` are (i, j-1) and (i-1, j)
// on the previous anti-diagonal, at offsets k+1 and k of the same buffer.
template <typename T>
T stepScalar(const T *xa, const T *ya, const T *xb, const T *yb, const T *diag, const T *prev, T *out,
             std::size_t begin, std::size_t w, T running)
{
    for (std::size_t k = begin; k < w; ++k) {
        const T dx = xa[k] - xb[k];
        const T dy = ya[k] - yb[k];
        const T best = std::min(diag[k], std::min(prev[k], prev[k + 1]));
        const T v = std::sqrt(dx * dx + dy * dy) + best;
        out[k] = v;
        running = std::min(running, v);
    }
    return running;
}

float stepDiagonal(const float *xa, const float *ya, const float *xb, const float *yb, const float *diag,
                   const float *prev, float *out, std::size_t w)
{
    std::size_t k = 0;
    float running = kInf<float>;
#if defined(__SSE2__)
    __m128 vmin = _mm_set1_ps(kInf<float>);
    for (; k + 4 <= w; k += 4) {
        const __m128 dx = _mm_sub_ps(_mm_loadu_ps(xa + k), _mm_loadu_ps(xb + k));
        const __m128 dy = _mm_sub_ps(_mm_loadu_ps(ya + k), _mm_loadu_ps(yb + k));
        const __m128 cost = _mm_sqrt_ps(_mm_add_ps(_mm_mul_ps(dx, dx), _mm_mul_ps(dy, dy)));
        // Same operand order as stepScalar so SIMD and tail lanes round identically.
        const __m128 best = _mm_min_ps(_mm_loadu_ps(diag + k),
                                       _mm_min_ps(_mm_loadu_ps(prev + k), _mm_loadu_ps(prev + k + 1)));
        const __m128 v = _mm_add_ps(cost, best);
        _mm_storeu_ps(out + k, v);
        vmin = _mm_min_ps(vmin, v);
    }
    vmin = _mm_min_ps(vmin, _mm_shuffle_ps(vmin, vmin, _MM_SHUFFLE(1, 0, 3, 2)));
    vmin = _mm_min_ps(vmin, _mm_shuffle_ps(vmin, vmin, _MM_SHUFFLE(2, 3, 0, 1)));
    running = _mm_cvtss_f32(vmin);
#endif
    return stepScalar(xa, ya, xb, yb, diag, prev, out, k, w, running);
}

double stepDiagonal(const double *xa, const double *ya, const double *xb, const double *yb,
                    const double *diag, const double *prev, double *out, std::size_t w)
{
    std::size_t k = 0;
    double running = kInf<double>;
#if defined(__SSE2__)
    __m128d vmin = _mm_set1_pd(kInf<double>);
    for (; k + 2 <= w; k += 2) {
        const __m128d dx = _mm_sub_pd(_mm_loadu_pd(xa + k), _mm_loadu_pd(xb + k));
        const __m128d dy = _mm_sub_pd(_mm_loadu_pd(ya + k), _mm_loadu_pd(yb + k));
        const __m128d cost = _mm_sqrt_pd(_mm_add_pd(_mm_mul_pd(dx, dx), _mm_mul_pd(dy, dy)));
        const __m128d best = _mm_min_pd(_mm_loadu_pd(diag + k),
                                        _mm_min_pd(_mm_loadu_pd(prev + k), _mm_loadu_pd(prev + k + 1)));
        const __m128d v = _mm_add_pd(cost, best);
        _mm_storeu_pd(out + k, v);
        vmin = _mm_min_pd(vmin, v);
    }
    vmin = _mm_min_pd(vmin, _mm_unpackhi_pd(vmin, vmin));
    running = _mm_cvtsd_f64(vmin);
#endif
    return stepScalar(xa, ya, xb, yb, diag, prev, out, k, w, running);
}

// The cutoff rounded up into T, so a float result equal to a double cutoff is not abandoned.
template <typename T> T limitFor(double cutoff)
{
    T limit = static_cast<T>(cutoff);
    if (static_cast<double>(limit) < cutoff) {
        limit = std::nextafter(limit, kInf<T>);
    }
    return limit;
}

template <typename T> double wavefront(const Series &a, const Series &b, const Window &window, double cutoff)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n == 0 || m == 0 || window.rows() != n || window.cols() != m) {
        return kInf<double>;
    }
    Workspace<T> &ws = workspace<T>();
    ws.ax.assign(a.x.begin(), a.x.end());
    ws.ay.assign(a.y.begin(), a.y.end());
    // b reversed: cell (i, d - i) then reads b at m-1-d+i, which increases with i like a does.
    ws.bx.assign(b.x.rbegin(), b.x.rend());
    ws.by.assign(b.y.rbegin(), b.y.rend());

    const std::vector<ColumnRange> &rows = window.ranges();
    const std::size_t lastDiagonal = n + m - 2;

    // Cells of anti-diagonal d inside the staircase form one run lo(d)..hi(d) of rows; both ends
    // only move forward, so two pointers find them without storing them.
    auto advance = [&](std::size_t d, std::size_t &lo, std::size_t &hi) {
        while (lo + rows[lo].hi < d) {
            ++lo;
        }
        while (hi + 1 < n && hi + 1 + rows[hi + 1].lo <= d) {
            ++hi;
        }
    };
    std::size_t widest = 1;
    {
        std::size_t lo = 0;
        std::size_t hi = 0;
        for (std::size_t d = 0; d <= lastDiagonal; ++d) {
            advance(d, lo, hi);
            widest = std::max(widest, hi - lo + 1);
        }
    }

    // Three rotating anti-diagonals, each stored with a +inf sentinel on both sides so cells at the
    // edge of the window read +inf for neighbours outside it.
    const std::size_t stride = widest + 2;
    ws.diagonals.assign(3 * stride, kInf<T>);
    T *older = ws.diagonals.data(); // d - 2
    T *prev = older + stride;       // d - 1
    T *cur = prev + stride;         // d
    std::size_t olderLo = 0;        // row index stored at older[1]
    std::size_t prevLo = 0;

    const T limit = limitFor<T>(cutoff);
    {
        const T dx = ws.ax[0] - ws.bx[m - 1];
        const T dy = ws.ay[0] - ws.by[m - 1];
        prev[1] = std::sqrt(dx * dx + dy * dy);
        if (prev[1] > limit) {
            return kInf<double>;
        }
    }
    T prevMin = prev[1];
    std::size_t lo = 0;
    std::size_t hi = 0;
    for (std::size_t d = 1; d <= lastDiagonal; ++d) {
        advance(d, lo, hi);
        const std::size_t w = hi - lo + 1;
        const std::size_t bOffset = m - 1 - d + lo;
        // older holds d-2 starting at row olderLo-1 (sentinel); (i-1, j-1) of row i sits at i - olderLo.
        const T curMin =
            stepDiagonal(ws.ax.data() + lo, ws.ay.data() + lo, ws.bx.data() + bOffset, ws.by.data() + bOffset,
                         older + (lo - olderLo), prev + (lo - prevLo), cur + 1, w);
        cur[0] = kInf<T>;
        cur[w + 1] = kInf<T>;
        // Every path crosses d or d-1 (a diagonal step skips one anti-diagonal, never two).
        if (std::min(curMin, prevMin) > limit) {
            return kInf<double>;
        }
        prevMin = curMin;
        std::swap(older, prev);
        std::swap(prev, cur);
        olderLo = prevLo;
        prevLo = lo;
        // Stale values beyond a diagonal's right sentinel are never read: hi(d) grows by at most one
        // per anti-diagonal, so reads stop at the sentinel.
    }
    return static_cast<double>(prev[1]);
}

} // namespace

double wavefrontFloat(const Series &a, const Series &b, const Window &window, double cutoff)
{
    return wavefront<float>(a, b, window, cutoff);
}

double wavefrontDouble(const Series &a, const Series &b, const Window &window, double cutoff)
{
    return wavefront<double>(a, b, window, cutoff);
}

double scalarRows(const Series &a, const Series &b, const Window &window, double cutoff)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n == 0 || m == 0 || window.rows() != n || window.cols() != m) {
        return kInf<double>;
    }
    // Rows indexed by column + 1 so column -1 (left of the window) has a slot.
    std::vector<double> previous(m + 1, kInf<double>);
    std::vector<double> current(m + 1, kInf<double>);
    previous[0] = 0.0; // the virtual origin (-1, -1), so cell (0, 0) costs just its own distance
    std::size_t previousHi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const ColumnRange r = window.row(i);
        for (std::size_t j = previousHi + 1; i > 0 && j <= r.hi; ++j) {
            previous[j + 1] = kInf<double>; // columns the previous row did not reach
        }
        current[r.lo] = kInf<double>;
        double rowMin = kInf<double>;
        const double ax = a.x[i];
        const double ay = a.y[i];
        for (std::size_t j = r.lo; j <= r.hi; ++j) {
            const double dx = ax - b.x[j];
            const double dy = ay - b.y[j];
            const double best = std::min(previous[j], std::min(current[j], previous[j + 1]));
            const double v = std::sqrt(dx * dx + dy * dy) + best;
            current[j + 1] = v;
            rowMin = std::min(rowMin, v);
        }
        // Every path visits every row.
        if (rowMin > cutoff) {
            return kInf<double>;
        }
        std::swap(previous, current);
        previousHi = r.hi;
    }
    return previous[m];
}

double float32Tolerance(std::size_t n, std::size_t m, double maxAbsCoordinate, double distance)
{
    // Unit roundoff of float32 is 2^-24. Per cell: inputs rounded (<= 2u·M per coordinate
    // difference) plus sub/mul/add/sqrt (<= 3u of a cost <= 2√2·M): below 16u·M. Per addition: u of the
    // partial sum (<= distance). Doubled for safety; the bound is far from tight but only widens
    // pruning margins, it never changes a distance.
    const double u = std::ldexp(1.0, -24);
    const double cells = static_cast<double>(n + m);
    return cells * u * (32.0 * maxAbsCoordinate + 2.0 * std::abs(distance)) + 1e-12;
}

} // namespace Proctor::Dtw::Kernels
