using System.Runtime.CompilerServices;

// The saving tests drive the HDF5 reader and writer directly (corruption, layouts, checksums).
[assembly: InternalsVisibleTo("StaticKeras.Saving.Tests")]
[assembly: InternalsVisibleTo("StaticKeras.KerasFiles.Tests")]
