namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary><c>[GlobalAveragePooling2D]</c> (keras/src/layers/pooling/global_average_pooling2d.py); see <see cref="GlobalPoolingLayer"/>.</summary>
internal sealed class GlobalAveragePooling2D : GlobalPoolingLayer
{
    public override string AttributeName => "StaticKeras.GlobalAveragePooling2DAttribute";

    public override string KerasClassName => "GlobalAveragePooling2D";

    protected override int SpatialAxes => 2;

    protected override bool IsMax => false;
}
