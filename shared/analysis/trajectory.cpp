// SPDX-License-Identifier: MIT
// Trajectory cleaning, first-stroke cut, fixed-rate resampling and uniform normalisation.
#include "analysis/trajectory.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace Proctor::Analysis {

namespace {

// Below this size (in input units, i.e. pixels) the trajectory is a dot: scaling it would only blow
// up jitter, so it is translated but left unscaled.
constexpr double kDegenerateSize = 1e-9;

bool finite(const TrajectoryPoint &p)
{
    return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.t);
}

// Time-sorted, finite, one sample per timestamp (the latest one: the browser reports the position
// after the last move within that millisecond).
std::vector<TrajectoryPoint> clean(std::span<const TrajectoryPoint> points, std::size_t *dropped)
{
    std::vector<TrajectoryPoint> out;
    out.reserve(points.size());
    std::copy_if(points.begin(), points.end(), std::back_inserter(out), finite);
    std::stable_sort(out.begin(), out.end(),
                     [](const TrajectoryPoint &l, const TrajectoryPoint &r) { return l.t < r.t; });
    std::vector<TrajectoryPoint> unique;
    unique.reserve(out.size());
    for (const TrajectoryPoint &p : out) {
        if (!unique.empty() && unique.back().t == p.t) {
            unique.back() = p;
        } else {
            unique.push_back(p);
        }
    }
    *dropped = points.size() - unique.size();
    return unique;
}

} // namespace

std::vector<QuestionTrajectory> splitByQuestion(std::span<const QuestionTrajectory> segments)
{
    std::vector<QuestionTrajectory> out;
    std::unordered_map<std::string, std::size_t> slot;
    for (const QuestionTrajectory &segment : segments) {
        auto [it, inserted] = slot.try_emplace(segment.questionId, out.size());
        if (inserted) {
            out.push_back(QuestionTrajectory{segment.questionId, {}});
        }
        std::vector<TrajectoryPoint> &points = out[it->second].points;
        points.insert(points.end(), segment.points.begin(), segment.points.end());
    }
    for (QuestionTrajectory &q : out) {
        std::stable_sort(q.points.begin(), q.points.end(),
                         [](const TrajectoryPoint &l, const TrajectoryPoint &r) { return l.t < r.t; });
    }
    return out;
}

std::vector<TrajectoryPoint> firstStroke(std::span<const TrajectoryPoint> points, double pauseThresholdMs,
                                         bool *pauseFound)
{
    std::size_t end = points.size();
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (points[i].t - points[i - 1].t > pauseThresholdMs) {
            end = i;
            break;
        }
    }
    if (pauseFound) {
        *pauseFound = end < points.size();
    }
    return {points.begin(), points.begin() + static_cast<std::ptrdiff_t>(end)};
}

std::vector<TrajectoryPoint> resample(std::span<const TrajectoryPoint> points, double intervalMs,
                                      std::size_t maxPoints, double *effectiveIntervalMs)
{
    if (effectiveIntervalMs) {
        *effectiveIntervalMs = intervalMs;
    }
    if (points.size() < 2 || !(intervalMs > 0.0)) {
        return {points.begin(), points.end()};
    }
    const double start = points.front().t;
    const double span = points.back().t - start;
    // The epsilon keeps an end time that is an exact multiple of the interval from being lost to rounding.
    std::size_t count = static_cast<std::size_t>(std::floor(span / intervalMs + 1e-9)) + 1;
    double step = intervalMs;
    if (maxPoints >= 2 && count > maxPoints) {
        count = maxPoints;
        step = span / static_cast<double>(maxPoints - 1);
    }
    if (effectiveIntervalMs) {
        *effectiveIntervalMs = step;
    }
    std::vector<TrajectoryPoint> out;
    out.reserve(count);
    std::size_t seg = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const double t = std::min(points.back().t, start + static_cast<double>(k) * step);
        while (seg + 2 < points.size() && points[seg + 1].t < t) {
            ++seg;
        }
        const TrajectoryPoint &p0 = points[seg];
        const TrajectoryPoint &p1 = points[seg + 1];
        const double f = std::clamp((t - p0.t) / (p1.t - p0.t), 0.0, 1.0);
        out.push_back(TrajectoryPoint{p0.x + f * (p1.x - p0.x), p0.y + f * (p1.y - p0.y), t});
    }
    return out;
}

PreparedTrajectory prepareTrajectory(const QuestionTrajectory &trajectory, const PreparationOptions &options)
{
    PreparedTrajectory out;
    PreparationInfo &info = out.info;
    info.questionId = trajectory.questionId;
    info.inputPoints = trajectory.points.size();
    info.firstStrokeOnly = options.firstStrokeOnly;
    info.pauseThresholdMs = options.pauseThresholdMs;
    info.requestedIntervalMs = options.resampleIntervalMs;
    info.maxPoints = options.maxPoints;
    info.origin = options.origin;
    info.scale = options.scale;

    std::vector<TrajectoryPoint> points = clean(trajectory.points, &info.droppedPoints);
    if (options.firstStrokeOnly) {
        points = firstStroke(points, options.pauseThresholdMs, &info.pauseFound);
    }
    info.strokePoints = points.size();
    if (options.resampleIntervalMs > 0.0) {
        const std::size_t before = points.size();
        points = resample(points, options.resampleIntervalMs, options.maxPoints, &info.effectiveIntervalMs);
        info.capped = before >= 2 && info.effectiveIntervalMs > options.resampleIntervalMs;
    } else if (options.maxPoints >= 2 && points.size() > options.maxPoints) {
        // Raw samples but still capped: resample to exactly maxPoints over the same span.
        points = resample(points,
                          (points.back().t - points.front().t) / static_cast<double>(options.maxPoints - 1),
                          options.maxPoints, &info.effectiveIntervalMs);
        info.capped = true;
    }
    if (points.empty()) {
        return out;
    }

    double cx = 0.0;
    double cy = 0.0;
    double minX = points.front().x;
    double maxX = minX;
    double minY = points.front().y;
    double maxY = minY;
    for (const TrajectoryPoint &p : points) {
        cx += p.x;
        cy += p.y;
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    const double count = static_cast<double>(points.size());
    cx /= count;
    cy /= count;
    if (options.origin == NormalisationOrigin::Centroid) {
        info.originX = cx;
        info.originY = cy;
    } else {
        info.originX = points.front().x;
        info.originY = points.front().y;
    }

    double size = 1.0;
    switch (options.scale) {
    case NormalisationScale::BoundingBoxDiagonal:
        size = std::hypot(maxX - minX, maxY - minY);
        break;
    case NormalisationScale::StdDev: {
        double sum = 0.0;
        for (const TrajectoryPoint &p : points) {
            sum += (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy);
        }
        size = std::sqrt(sum / count);
        break;
    }
    case NormalisationScale::None:
        size = 1.0;
        break;
    }
    if (!(size > kDegenerateSize)) {
        info.degenerate = options.scale != NormalisationScale::None;
        size = 1.0;
    }
    info.scaleFactor = size;

    // One factor for both axes: a wide, flat movement must not become a square one.
    out.series.reserve(points.size());
    out.timesMs.reserve(points.size());
    for (const TrajectoryPoint &p : points) {
        out.series.push((p.x - info.originX) / size, (p.y - info.originY) / size);
        out.timesMs.push_back(p.t);
    }
    info.durationMs = points.back().t - points.front().t;
    info.outputPoints = points.size();
    return out;
}

std::vector<PreparedTrajectory> prepareSession(std::span<const QuestionTrajectory> segments,
                                               const PreparationOptions &options)
{
    std::vector<PreparedTrajectory> out;
    for (const QuestionTrajectory &q : splitByQuestion(segments)) {
        out.push_back(prepareTrajectory(q, options));
    }
    return out;
}

} // namespace Proctor::Analysis
