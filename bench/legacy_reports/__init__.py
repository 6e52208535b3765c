"""The report engine as it was before the bench's performance work (commit ac2768b), kept only so
the bench's self-check can compare old and new report JSON on the same data byte for byte."""
