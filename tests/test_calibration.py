"""Isotonic calibration of confidence."""
from orbitwatch.calibration import pool_adjacent_violators, pool_value, precision_at


def test_calibration_fit_is_monotone():
    points = [(0.3, 0), (0.4, 1), (0.5, 0), (0.6, 1), (0.7, 1), (0.9, 1)]
    blocks = pool_adjacent_violators(points)
    rates = [p for _, p, _ in blocks]
    assert rates == sorted(rates)
    assert sum(n for _, _, n in blocks) == len(points)


def test_calibration_pool_value_maps_scores_to_block_rates():
    blocks = [(0.5, 0.25, 4), (0.9, 1.0, 2)]
    assert pool_value(blocks, 0.3) == 0.25
    assert pool_value(blocks, 0.7) == 1.0
    assert pool_value(blocks, 0.95) == 1.0


def test_calibration_precision_at_threshold():
    gold = [{"doc": "d", "actor": "KAZ", "target": "RUS", "type": "REJECT"}]
    pred = [{"doc": "d", "actor": "KAZ", "target": "RUS", "type": "REJECT", "confidence": 0.9},
            {"doc": "d", "actor": "KAZ", "target": "CHN", "type": "AGREE", "confidence": 0.6}]
    assert precision_at(gold, pred, 0.8) == (1.0, 1)
    assert precision_at(gold, pred, 0.5) == (0.5, 2)


def test_calibration_equal_scores_fall_in_one_bin():
    points = [(0.85, 0)] * 3 + [(0.85, 1)] * 7 + [(0.7, 0)] * 5 + [(0.7, 1)] * 5
    blocks = pool_adjacent_violators(points)
    assert [(u, round(p, 2), n) for u, p, n in blocks] == [(0.7, 0.5, 10), (0.85, 0.7, 10)]


def test_calibration_a_bin_of_one_record_folds_into_its_neighbour():
    points = [(0.6, 0)] * 4 + [(0.6, 1)] * 6 + [(0.95, 1)]
    blocks = pool_adjacent_violators(points)
    assert len(blocks) == 1 and blocks[0][2] == 11
    assert pool_value(blocks, 0.99) < 1.0
