namespace StaticKeras.Saving.Hdf5;

/// <summary>How a dataset's data is stored (the data layout message, spec IV.A.2.i).</summary>
internal enum H5StorageKind
{
    Compact,
    Contiguous,

    /// <summary>Chunks indexed by a version 1 B-tree (layout message version 1 to 3).</summary>
    ChunkedBTree1,

    /// <summary>Layout version 4 with one chunk covering the dataset, described in the message itself.</summary>
    ChunkedSingle,

    /// <summary>Layout version 4, implicit index: every chunk allocated in order, unfiltered.</summary>
    ChunkedImplicit,

    /// <summary>Layout version 4, fixed array index: h5py's choice with libver='latest' for fixed-size chunked datasets.</summary>
    ChunkedFixedArray,

    /// <summary>Layout version 4, version 2 B-tree index: datasets with more than one unlimited dimension.</summary>
    ChunkedBTree2,

    /// <summary>Layout version 4, extensible array index: datasets with one unlimited dimension.</summary>
    ChunkedExtensibleArray,
}

/// <summary>A decoded data layout message.</summary>
internal sealed class H5Layout
{
    public H5StorageKind Kind { get; private set; }

    /// <summary>Data address (contiguous, single chunk, implicit), B-tree address, or absolute offset of compact data.</summary>
    public long Address { get; private set; }

    /// <summary>Stored bytes (contiguous, compact, filtered single chunk).</summary>
    public long Size { get; private set; }

    /// <summary>Chunk dimensions, without the trailing element-size dimension.</summary>
    public long[] ChunkDims { get; private set; } = System.Array.Empty<long>();

    /// <summary>For a single filtered chunk: the mask of filters that were skipped for it.</summary>
    public uint FilterMask { get; private set; }

    public static H5Layout Read(ref H5Cursor c)
    {
        byte version = c.U8();
        if (version < 3)
        {
            return ReadOld(ref c, version);
        }

        if (version > 4)
        {
            throw c.Fail($"data layout message version {version} (expected 1 to 4)");
        }

        var layout = new H5Layout();
        byte layoutClass = c.U8();
        switch (layoutClass)
        {
            case 0:
                layout.Kind = H5StorageKind.Compact;
                layout.Size = c.U16();
                layout.Address = c.Position;
                c.Skip(layout.Size);
                break;
            case 1:
                layout.Kind = H5StorageKind.Contiguous;
                layout.Address = c.Address();
                layout.Size = c.Length();
                break;
            case 2 when version == 3:
                layout.Kind = H5StorageKind.ChunkedBTree1;
                int rank = c.U8();
                layout.Address = c.Address();
                layout.ChunkDims = Dims(ref c, rank, 4);
                break;
            case 2:
                ReadV4Chunked(ref c, layout);
                break;
            default:
                throw c.Fail($"data layout class {layoutClass} (virtual datasets are not supported; Keras never writes them)");
        }

        return layout;
    }

    private static void ReadV4Chunked(ref H5Cursor c, H5Layout layout)
    {
        byte flags = c.U8();
        int rank = c.U8();
        int width = c.U8();
        if (width < 1 || width > 8)
        {
            throw c.Fail($"chunk dimensions encoded in {width} bytes (expected 1 to 8)");
        }

        layout.ChunkDims = Dims(ref c, rank, width);
        byte index = c.U8();
        switch (index)
        {
            case 1:
                layout.Kind = H5StorageKind.ChunkedSingle;
                if ((flags & 0x02) != 0)
                {
                    layout.Size = c.Length();
                    layout.FilterMask = c.U32();
                }
                else
                {
                    layout.Size = -1;
                }

                break;
            case 2:
                layout.Kind = H5StorageKind.ChunkedImplicit;
                break;
            case 3:
                layout.Kind = H5StorageKind.ChunkedFixedArray;
                c.U8(); // page size bits
                break;
            case 4:
                layout.Kind = H5StorageKind.ChunkedExtensibleArray;
                c.Skip(5); // creation parameters (the array's header repeats them)
                break;
            case 5:
                layout.Kind = H5StorageKind.ChunkedBTree2;
                c.Skip(4 + 1 + 1); // node size, split and merge percentages (the B-tree header repeats them)
                break;
            default:
                throw c.Fail($"chunk index type {index} (expected 1 to 5)");
        }

        layout.Address = c.Address();
    }

    // Layout versions 1 and 2 (HDF5 1.4 and older) still appear in old files.
    private static H5Layout ReadOld(ref H5Cursor c, byte version)
    {
        if (version < 1)
        {
            throw c.Fail($"data layout message version {version}");
        }

        int rank = c.U8();
        byte layoutClass = c.U8();
        c.Skip(5);
        var layout = new H5Layout();
        if (layoutClass == 0)
        {
            layout.Kind = H5StorageKind.Compact;
            c.Skip(4L * rank);
            layout.Size = c.U32();
            layout.Address = c.Position;
            return layout;
        }

        layout.Address = c.Address();
        layout.Kind = layoutClass == 1 ? H5StorageKind.Contiguous : H5StorageKind.ChunkedBTree1;
        layout.ChunkDims = Dims(ref c, rank, 4);
        layout.Size = -1;
        return layout;
    }

    // The stored dims end with the element size; callers want the chunk's shape only.
    private static long[] Dims(ref H5Cursor c, int rank, int width)
    {
        if (rank < 1 || rank > 33)
        {
            throw c.Fail($"a chunk rank of {rank}");
        }

        var dims = new long[rank - 1];
        for (int i = 0; i < rank; i++)
        {
            ulong d = c.UVar(width);
            if (i < rank - 1)
            {
                if (d == 0 || d > int.MaxValue)
                {
                    throw c.Fail($"a chunk dimension of {d}");
                }

                dims[i] = (long)d;
            }
        }

        return dims;
    }
}
