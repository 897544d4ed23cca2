using StaticKeras.Modeling.Text;

namespace StaticKeras.Modeling.Tests;

/// <summary>Keras's summary column widths, as rich computes them.</summary>
public sealed class SummaryTableTests
{
    [Fact]
    public void Sequential_columns_are_keras_88_wide()
    {
        Assert.Equal([38, 29, 17], SummaryTable.ColumnWidths([0.45, 0.80, 1.0], 88));
    }

    [Fact]
    public void Graph_columns_are_keras_108_wide()
    {
        int[] widths = SummaryTable.ColumnWidths([0.3, 0.56, 0.74, 1.0], 108);
        Assert.Equal([31, 27, 17, 28], widths);
        Assert.Equal(108, widths.Sum() + 5);
    }
}
