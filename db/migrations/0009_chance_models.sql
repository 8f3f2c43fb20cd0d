-- SPDX-License-Identifier: MIT
-- The population's chance model per cross-session factor (shared/analysis/chancemodel.h): what distance
-- pairs of sessions of DIFFERENT candidates reach by chance, fitted by the collector from a bounded random
-- sample of pairs and refitted when the population has grown, so an assessment never compares all pairs.
-- One model per test: sessions are only ever compared within their test, and what a test makes candidates
-- type or do (names only, or essays; which questions) shapes the distances that occur by chance.
CREATE TABLE IF NOT EXISTS chance_models (
    factor     text NOT NULL,                    -- reason key, e.g. 'risk.same_typist'
    test_id    text NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
    params     jsonb NOT NULL,                   -- ChanceModelParams: source, pairs, tailCut, tailMass, shape, quantiles
    population integer NOT NULL DEFAULT 0,       -- sessions with data for the factor when it was fitted
    fitted_at  timestamptz NOT NULL DEFAULT now(),
    checked_at timestamptz NOT NULL DEFAULT now(), -- last time the population was counted for a refit
    PRIMARY KEY (factor, test_id)
);
