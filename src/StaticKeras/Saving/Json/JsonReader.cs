using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StaticKeras.Saving.Json;

/// <summary>
/// A strict RFC 8259 JSON parser into <see cref="JsonValue"/>, plus the <c>NaN</c>/<c>Infinity</c>
/// literals Python's <c>json.dumps</c> writes for non-finite floats (Keras configs can hold them).
/// Every error is a <see cref="ModelFileException"/> naming the file, the member and the offset.
/// </summary>
internal sealed class JsonReader
{
    // Nesting is bounded so a hostile file cannot overflow the stack (of the compiler, in the generator).
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly string _file;
    private readonly string _member;
    private int _at;

    private JsonReader(string text, string file, string member)
    {
        _text = text;
        _file = file;
        _member = member;
    }

    /// <summary>Parses <paramref name="text"/>, the whole of <paramref name="member"/> (e.g. <c>config.json</c>) in <paramref name="file"/>.</summary>
    public static JsonValue Parse(string text, string file, string member)
    {
        var reader = new JsonReader(text, file, member);
        reader.Space();
        JsonValue value = reader.Value(0);
        reader.Space();
        if (reader._at != text.Length)
        {
            throw reader.Fail("text after the end of the JSON value");
        }

        return value;
    }

    private JsonValue Value(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail($"JSON nested more than {MaxDepth} deep");
        }

        char c = _at < _text.Length ? _text[_at] : '\0';
        switch (c)
        {
            case '{':
                return Object(depth);
            case '[':
                return Array(depth);
            case '"':
                return JsonValue.String(String());
            case 't':
                return Literal("true", JsonValue.True);
            case 'f':
                return Literal("false", JsonValue.False);
            case 'n':
                return Literal("null", JsonValue.Null);
            case 'N':
                return Literal("NaN", JsonValue.Number("NaN"));
            case 'I':
                return Literal("Infinity", JsonValue.Number("Infinity"));
            default:
                return c == '-' || (c >= '0' && c <= '9') ? Number() : throw Fail(_at < _text.Length ? $"an unexpected '{c}'" : "the end of the text where a value was expected");
        }
    }

    private JsonValue Object(int depth)
    {
        _at++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        Space();
        if (Peek('}'))
        {
            return JsonValue.Object(members);
        }

        while (true)
        {
            Space();
            if (_at >= _text.Length || _text[_at] != '"')
            {
                throw Fail("an object member without a quoted name");
            }

            string name = String();
            Space();
            Expect(':');
            Space();
            members.Add(new KeyValuePair<string, JsonValue>(name, Value(depth + 1)));
            Space();
            if (Peek('}'))
            {
                return JsonValue.Object(members);
            }

            Expect(',');
        }
    }

    private JsonValue Array(int depth)
    {
        _at++;
        var items = new List<JsonValue>();
        Space();
        if (Peek(']'))
        {
            return JsonValue.Array(items);
        }

        while (true)
        {
            Space();
            items.Add(Value(depth + 1));
            Space();
            if (Peek(']'))
            {
                return JsonValue.Array(items);
            }

            Expect(',');
        }
    }

    private string String()
    {
        _at++;
        var s = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                throw Fail("a string that is never closed");
            }

            char c = _text[_at++];
            if (c == '"')
            {
                return s.ToString();
            }

            if (c < ' ')
            {
                throw Fail("a control character inside a string");
            }

            s.Append(c == '\\' ? Escape() : c);
        }
    }

    private char Escape()
    {
        char e = _at < _text.Length ? _text[_at++] : '\0';
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u' when _at + 4 <= _text.Length && ushort.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code):
                _at += 4;
                return (char)code; // surrogate pairs come as two escapes, as in .NET strings
            default:
                throw Fail($"an invalid escape '\\{e}'");
        }
    }

    private JsonValue Number()
    {
        int start = _at;
        if (Peek('-') && _at < _text.Length && _text[_at] == 'I')
        {
            return Literal("Infinity", JsonValue.Number("-Infinity"));
        }

        if (!Digits(allowLeadingZero: false))
        {
            throw Fail("a number without digits");
        }

        if (Peek('.') && !Digits(allowLeadingZero: true))
        {
            throw Fail("a number with no digits after its decimal point");
        }

        if (Peek('e') || Peek('E'))
        {
            _ = Peek('+') || Peek('-');
            if (!Digits(allowLeadingZero: true))
            {
                throw Fail("a number with no digits in its exponent");
            }
        }

        return JsonValue.Number(_text.Substring(start, _at - start));
    }

    private bool Digits(bool allowLeadingZero)
    {
        int start = _at;
        while (_at < _text.Length && _text[_at] >= '0' && _text[_at] <= '9')
        {
            _at++;
        }

        if (!allowLeadingZero && _at - start > 1 && _text[start] == '0')
        {
            throw Fail("a number with a leading zero");
        }

        return _at > start;
    }

    private JsonValue Literal(string word, JsonValue value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
        {
            throw Fail($"an unknown word where '{word}' was expected");
        }

        _at += word.Length;
        return value;
    }

    private bool Peek(char c)
    {
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Fail(_at < _text.Length ? $"'{_text[_at]}' where '{c}' was expected" : $"the end of the text where '{c}' was expected");
        }
    }

    private void Space()
    {
        while (_at < _text.Length && (_text[_at] == ' ' || _text[_at] == '\t' || _text[_at] == '\n' || _text[_at] == '\r'))
        {
            _at++;
        }
    }

    private ModelFileException Fail(string found) =>
        new(_file, _member, $"is not valid JSON: {found} at character {_at}");
}
