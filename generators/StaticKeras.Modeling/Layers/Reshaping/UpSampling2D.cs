namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary><c>[UpSampling2D]</c> (keras/src/layers/reshaping/up_sampling2d.py); see <see cref="UpSamplingLayer"/>.</summary>
internal sealed class UpSampling2D : UpSamplingLayer
{
    public override string AttributeName => "StaticKeras.UpSampling2DAttribute";

    public override string KerasClassName => "UpSampling2D";

    protected override int SpatialAxes => 2;
}
