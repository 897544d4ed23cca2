namespace StaticKeras.Modeling.Layers.Regularization;

/// <summary><c>[SpatialDropout2D]</c> (keras/src/layers/regularization/spatial_dropout.py); see <see cref="SpatialDropoutLayer"/>.</summary>
internal sealed class SpatialDropout2D : SpatialDropoutLayer
{
    public override string AttributeName => "StaticKeras.SpatialDropout2DAttribute";

    public override string KerasClassName => "SpatialDropout2D";

    protected override int SpatialAxes => 2;
}
