using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// Loads a CSV file of numbers into features and labels (pandas' <c>read_csv</c> followed by
/// <c>df.pop(label)</c>, the usual start of a Keras tabular example). Numbers are read with the
/// invariant culture (<c>1.5</c>, <c>-2e-3</c>); a label column of names becomes class ids in the
/// names' ordinal order, as scikit-learn's <c>LabelEncoder</c> sorts them.
/// </summary>
public static class Csv
{
    /// <summary>Loads a CSV file with a header row, taking the label from the column named <paramref name="label"/>.</summary>
    /// <param name="path">The file (plain or gzip-compressed).</param>
    /// <param name="label">The header name of the label column; every other column is a feature.</param>
    /// <param name="separator">The field separator.</param>
    /// <exception cref="InvalidDataException">No column has that name, a row has the wrong number of fields, or a feature is not a number; the message gives the line, the column and the value.</exception>
    public static TabularData Load(string path, string label, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(label);
        List<string[]> records = Records(path, separator);
        int column = Array.IndexOf(records[0], label);
        if (column < 0)
        {
            throw new InvalidDataException($"'{path}' has no column '{label}'; its header is {string.Join(", ", records[0].Select(h => "'" + h + "'"))}.");
        }

        return FromRecords(path, records, column, hasHeader: true);
    }

    /// <summary>Loads a CSV file, taking the label from column <paramref name="labelColumn"/>.</summary>
    /// <param name="path">The file (plain or gzip-compressed).</param>
    /// <param name="labelColumn">The label's column: from 0, or negative from the end (−1, the default, is the last).</param>
    /// <param name="hasHeader">True when the first row names the columns; otherwise they are called <c>feature_0</c>, ...</param>
    /// <param name="separator">The field separator.</param>
    /// <exception cref="InvalidDataException">The column does not exist, a row has the wrong number of fields, or a feature is not a number; the message gives the line, the column and the value.</exception>
    public static TabularData Load(string path, int labelColumn = -1, bool hasHeader = true, char separator = ',')
    {
        List<string[]> records = Records(path, separator);
        int width = records[0].Length;
        int column = labelColumn < 0 ? width + labelColumn : labelColumn;
        if (column < 0 || column >= width || width < 2)
        {
            throw new InvalidDataException($"'{path}' has {width} columns, so it has no label column {labelColumn} with features beside it; use 0..{width - 1} or -1 for the last.");
        }

        return FromRecords(path, records, column, hasHeader);
    }

    /// <summary>Parses one field as a float with the invariant culture.</summary>
    /// <exception cref="InvalidDataException">It is not a number; the message says where.</exception>
    internal static float Number(string text, string path, int row, string column)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
        {
            return value;
        }

        throw new InvalidDataException($"'{path}', data row {row + 1}, column '{column}': \"{text}\" is not a number. Features must be numbers written with a '.' decimal point; encode categories as numbers first.");
    }

    private static List<string[]> Records(string path, char separator)
    {
        List<string[]> records = CsvReader.ReadFile(path, separator);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"'{path}' holds no rows.");
        }

        return records;
    }

    private static TabularData FromRecords(string path, List<string[]> records, int labelColumn, bool hasHeader)
    {
        int width = records[0].Length;
        string[] names = hasHeader ? records[0] : Enumerable.Range(0, width).Select(c => "feature_" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        int first = hasHeader ? 1 : 0, count = records.Count - first;
        string[] featureNames = names.Where((_, c) => c != labelColumn).ToArray();
        var features = new float[count * featureNames.Length];
        var labelTexts = new string[count];
        for (int r = 0; r < count; r++)
        {
            string[] record = records[first + r];
            if (record.Length != width)
            {
                throw new InvalidDataException($"'{path}', data row {r + 1} has {record.Length} fields but the first row has {width}. Every row needs one field per column.");
            }

            int f = r * featureNames.Length;
            for (int c = 0; c < width; c++)
            {
                if (c == labelColumn)
                {
                    labelTexts[r] = record[c];
                }
                else
                {
                    features[f++] = Number(record[c], path, r, names[c]);
                }
            }
        }

        (float[] labels, string[] classNames) = Labels(labelTexts);
        return new TabularData(features, labels, featureNames, classNames);
    }

    /// <summary>Numbers stay numbers; otherwise each distinct name becomes a class id, in ordinal order.</summary>
    private static (float[] Labels, string[] ClassNames) Labels(string[] texts)
    {
        var numbers = new float[texts.Length];
        bool numeric = true;
        for (int i = 0; i < texts.Length && numeric; i++)
        {
            numeric = float.TryParse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
        }

        if (numeric)
        {
            return (numbers, []);
        }

        string[] classes = texts.Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++)
        {
            ids[classes[i]] = i;
        }

        return (Array.ConvertAll(texts, t => (float)ids[t]), classes);
    }
}
