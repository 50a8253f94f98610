"""Synthetic invoices written in DocILE's own dataset layout (PDF, OCR JSON, annotations)."""
