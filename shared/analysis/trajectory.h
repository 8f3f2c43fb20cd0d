// SPDX-License-Identifier: MIT
// Mouse trajectory preparation for DTW: split per question, first stroke, fixed-rate resampling,
// normalisation.
#pragma once

#include "analysis/series.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace Proctor::Analysis {

struct TrajectoryPoint
{
    double x = 0.0;
    double y = 0.0;
    double t = 0.0; // milliseconds, any origin
};

struct QuestionTrajectory
{
    std::string questionId;
    std::vector<TrajectoryPoint> points;
};

enum class NormalisationOrigin
{
    Centroid,   // where the movement happened stops mattering, only its shape does
    FirstPoint, // keeps the direction of travel from the start position comparable
};

enum class NormalisationScale
{
    BoundingBoxDiagonal, // size = diagonal of the bounding box
    StdDev,              // size = RMS distance from the centroid (less sensitive to one stray point)
    None,                // keep pixels (only translated)
};

struct PreparationOptions
{
    bool firstStrokeOnly = false;
    double pauseThresholdMs = 250.0;  // the original system cut the first stroke at a 0.25 s pause
    double resampleIntervalMs = 16.0; // one sample per 60 Hz frame; <= 0 keeps the raw samples
    std::size_t maxPoints = 2000;     // caps DTW cost; the interval is widened to fit
    NormalisationOrigin origin = NormalisationOrigin::Centroid;
    NormalisationScale scale = NormalisationScale::BoundingBoxDiagonal;
};

// What was done, so a reported distance can say how its input was prepared.
struct PreparationInfo
{
    std::string questionId;
    std::size_t inputPoints = 0;
    std::size_t droppedPoints = 0; // non-finite, or superseded by a later sample with the same timestamp
    bool firstStrokeOnly = false;
    double pauseThresholdMs = 0.0;
    bool pauseFound = false;      // first-stroke mode: a pause actually cut the trajectory
    std::size_t strokePoints = 0; // points left after the first-stroke cut
    double requestedIntervalMs = 0.0;
    double effectiveIntervalMs = 0.0; // > requested when maxPoints forced a coarser rate; 0 = not resampled
    std::size_t maxPoints = 0;
    bool capped = false;
    NormalisationOrigin origin = NormalisationOrigin::Centroid;
    NormalisationScale scale = NormalisationScale::BoundingBoxDiagonal;
    double originX = 0.0;     // subtracted from x
    double originY = 0.0;     // subtracted from y
    double scaleFactor = 1.0; // the size divided by (1 when degenerate or NormalisationScale::None)
    bool degenerate = false;  // no movement: size was ~0, so coordinates were only translated
    double durationMs = 0.0;  // of the prepared span
    std::size_t outputPoints = 0;
};

struct PreparedTrajectory
{
    Dtw::Series series;          // normalised x, y (same factor on both axes: aspect ratio kept)
    std::vector<double> timesMs; // time of each output point
    PreparationInfo info;
};

// Groups segments by question (in order of first appearance); a question revisited later gets its
// segments concatenated, and points are put in time order.
std::vector<QuestionTrajectory> splitByQuestion(std::span<const QuestionTrajectory> segments);

// Points up to (not including) the first gap longer than pauseThresholdMs between consecutive samples.
std::vector<TrajectoryPoint> firstStroke(std::span<const TrajectoryPoint> points, double pauseThresholdMs,
                                         bool *pauseFound = nullptr);

// Samples at t0, t0 + h, t0 + 2h, ... <= tEnd by linear interpolation in time. If that would exceed
// maxPoints, h is widened to (tEnd - t0) / (maxPoints - 1). Input must be time-sorted with distinct
// times (prepareTrajectory ensures that). The effective h is written to *effectiveIntervalMs.
std::vector<TrajectoryPoint> resample(std::span<const TrajectoryPoint> points, double intervalMs,
                                      std::size_t maxPoints, double *effectiveIntervalMs = nullptr);

// Cleans (drops non-finite points, sorts by time, keeps the last sample of equal timestamps),
// optionally cuts the first stroke, resamples, then translates and scales uniformly.
PreparedTrajectory prepareTrajectory(const QuestionTrajectory &trajectory,
                                     const PreparationOptions &options = {});

// splitByQuestion + prepareTrajectory for each question.
std::vector<PreparedTrajectory> prepareSession(std::span<const QuestionTrajectory> segments,
                                               const PreparationOptions &options = {});

} // namespace Proctor::Analysis
