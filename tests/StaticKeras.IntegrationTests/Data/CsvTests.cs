using StaticKeras.Data;

namespace StaticKeras.IntegrationTests.Data;

/// <summary>The CSV reader (RFC 4180 quoting) and the loader into features and labels, with their errors.</summary>
public sealed class CsvTests
{
    private static string Write(string text)
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Quoted_fields_hold_separators_quotes_and_line_breaks()
    {
        List<string[]> records = CsvReader.Parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n\n4,,6");
        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b,c", "say \"hi\""], records[0]);
        Assert.Equal(["1", "two\nlines", "3"], records[1]);
        Assert.Equal(["4", "", "6"], records[2]);
        Assert.Equal([["x", "y"]], CsvReader.Parse("\uFEFFx;y", ';'));
    }

    [Fact]
    public void Malformed_text_is_reported_with_its_line()
    {
        var unclosed = Assert.Throws<InvalidDataException>(() => CsvReader.Parse("a,b\n1,\"2\n"));
        Assert.Contains("line 2: a quoted field is not closed", unclosed.Message);
        var stray = Assert.Throws<InvalidDataException>(() => CsvReader.Parse("a,b\nx\"y,1"));
        Assert.Contains("line 2: a quote inside an unquoted field", stray.Message);
    }

    [Fact]
    public void Loads_features_and_a_named_label_column_of_class_names()
    {
        string path = Write("height,species,weight\n1.5,cat,4\n2.5,dog,20\n1.0,cat,3.5\n3e0,ant,1e-3\n");
        TabularData data = Csv.Load(path, "species");
        Assert.Equal(["height", "weight"], data.FeatureNames);
        Assert.Equal([1.5f, 4f, 2.5f, 20f, 1.0f, 3.5f, 3f, 0.001f], data.Features);
        Assert.Equal(["ant", "cat", "dog"], data.ClassNames);
        Assert.Equal([1, 2, 1, 0], data.ClassIds());
    }

    [Fact]
    public void Numeric_labels_stay_values_and_columns_count_from_the_end()
    {
        string path = Write("0.5,1,2.25\n1.5,3,-4\n");
        TabularData data = Csv.Load(path, labelColumn: -1, hasHeader: false);
        Assert.Equal(["feature_0", "feature_1"], data.FeatureNames);
        Assert.Equal([2.25f, -4f], data.Labels);
        Assert.Empty(data.ClassNames);
        Assert.Throws<InvalidOperationException>(() => data.ClassIds());
        Assert.Equal([0.5f, 1.5f], Csv.Load(path, labelColumn: 0, hasHeader: false).Labels);
    }

    [Fact]
    public void Bad_rows_say_where_and_what()
    {
        var notNumber = Assert.Throws<InvalidDataException>(() => Csv.Load(Write("a,b,y\n1,2,0\n3,x4,1\n"), "y"));
        Assert.Contains("data row 2, column 'b': \"x4\" is not a number", notNumber.Message);
        var ragged = Assert.Throws<InvalidDataException>(() => Csv.Load(Write("a,b,y\n1,2,0\n3,1\n")));
        Assert.Contains("data row 2 has 2 fields but the first row has 3", ragged.Message);
        var noColumn = Assert.Throws<InvalidDataException>(() => Csv.Load(Write("a,b,y\n1,2,0\n"), "label"));
        Assert.Contains("no column 'label'; its header is 'a', 'b', 'y'", noColumn.Message);
    }
}
