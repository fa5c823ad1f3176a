"""The input plane (core.numerics.plane): every grid point's activations equal the engine's forward pass
of that point alone, the grid's orientation, the colour scales and the thumbnails' tiling."""
import numpy as np
import pytest

from backprop_lab.core.model.network import LayerSpec, Network, init_weights
from backprop_lab.core.numerics import engine
from backprop_lab.core.numerics import plane as pl


def net_2881(seed=3, out="sigmoid"):
    net = Network(2, [LayerSpec(8, "tanh"), LayerSpec(8, "relu"), LayerSpec(1, out)])
    init_weights(net, seed)
    net.theta[...] += np.random.default_rng(seed).normal(0, 0.5, net.n_params)
    return net


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_grid_point_equals_the_engine_alone(seed):
    net = net_2881(seed)
    grid = pl.PlaneGrid.over((-1.5, 2.0, -0.5, 3.0), n=17)
    plane = pl.evaluate_plane(net, grid)
    assert [a.shape for a in plane.acts] == [(2, 17, 17), (8, 17, 17), (8, 17, 17), (1, 17, 17)]
    for r in range(grid.n):
        for c in range(grid.n):
            _, acts = engine.forward(net, [grid.xs[c], grid.ys[r]])
            for l, a in enumerate(acts):
                np.testing.assert_allclose(plane.acts[l][:, r, c], a[0], rtol=1e-12, atol=1e-12)


def test_grid_rows_climb_in_y_and_columns_in_x():
    grid = pl.PlaneGrid.over((0.0, 1.0, 10.0, 20.0), n=5)
    plane = pl.evaluate_plane(net_2881(), grid)
    assert plane.acts[0][0, 0, :].tolist() == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    assert plane.acts[0][1, :, 0].tolist() == pytest.approx([10, 12.5, 15, 17.5, 20])


def test_extent_wraps_the_data_with_a_margin_and_survives_flat_data():
    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    x0, x1, y0, y1 = pl.extent_of(X, margin=0.1)
    assert (x0, x1, y0, y1) == pytest.approx((-0.1, 1.1, -0.2, 2.2))
    x0, x1, y0, y1 = pl.extent_of(np.array([[3.0, 3.0]]), margin=0.0)
    assert (x0, x1, y0, y1) == pytest.approx((2.0, 4.0, 2.0, 4.0))


def test_levels_fixed_where_the_range_is_known_else_symmetric():
    v = np.array([-3.0, 0.5])
    assert pl.levels("sigmoid", v) == (0.0, 1.0)
    assert pl.levels("tanh", v) == (-1.0, 1.0)
    assert pl.levels("identity", v) == (-3.0, 3.0)
    assert pl.levels("identity", v, targets=np.array([5.0])) == (-5.0, 5.0)
    assert pl.levels("relu", np.zeros(3)) == (-1.0, 1.0)


def test_montage_tiles_each_hidden_neuron_scaled_and_flipped():
    net = net_2881()
    grid = pl.PlaneGrid.over((-1, 1, -1, 1), n=6)
    plane = pl.evaluate_plane(net, grid)
    tiles = pl.montage(plane, ["tanh", "relu"], gap=2)
    assert tiles.shape == (8 * 8 - 2, 2 * 8 - 2)
    j = 3
    tile = tiles[j * 8:j * 8 + 6, 8:14]           # layer 2, neuron j
    # One scale a layer, so that a quieter neuron looks quieter than its neighbours.
    expected = pl.unit_scaled("relu", plane.acts[2])[j, ::-1, :]
    np.testing.assert_array_equal(tile, expected)
    np.testing.assert_allclose(tiles[0:6, 0:6], plane.acts[1][0][::-1, :], atol=1e-15)   # tanh: already −1..1
    assert np.isnan(tiles[6:8, :]).all()
    assert np.nanmin(tiles) >= -1 - 1e-12 and np.nanmax(tiles) <= 1 + 1e-12


def test_only_two_input_networks_have_a_plane():
    net = Network(3, [LayerSpec(1)])
    assert not pl.can_draw(net)
    with pytest.raises(ValueError, match="two inputs"):
        pl.evaluate_plane(net, pl.PlaneGrid.over((0, 1, 0, 1), 3))


def test_montage_with_a_stride_takes_every_other_point():
    plane = pl.evaluate_plane(net_2881(), pl.PlaneGrid.over((-1, 1, -1, 1), n=7))
    tiles = pl.montage(plane, ["tanh", "relu"], gap=1, stride=2)
    assert tiles.shape == (8 * 5 - 1, 2 * 5 - 1)
    np.testing.assert_allclose(tiles[0:4, 0:4], plane.acts[1][0][::2, ::2][::-1, :], atol=1e-15)


def test_class_targets_are_the_output_ends_or_one_hot():
    assert [t.tolist() for t in pl.class_targets(net_2881())] == [[0.0], [1.0]]
    assert [t.tolist() for t in pl.class_targets(net_2881(out="tanh"))] == [[-1.0], [1.0]]
    three = Network(2, [LayerSpec(3, "softmax")], "cross_entropy")
    assert [t.tolist() for t in pl.class_targets(three)] == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
