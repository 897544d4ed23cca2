namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary><c>[UpSampling1D]</c> (keras/src/layers/reshaping/up_sampling1d.py); see <see cref="UpSamplingLayer"/>.</summary>
internal sealed class UpSampling1D : UpSamplingLayer
{
    public override string AttributeName => "StaticKeras.UpSampling1DAttribute";

    public override string KerasClassName => "UpSampling1D";

    protected override int SpatialAxes => 1;
}
