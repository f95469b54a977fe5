"""Excel workbooks: safe reading of .xlsx files (reader) and fast, typed, formula-safe writing (writer)."""
