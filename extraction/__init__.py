"""The pure extraction core: news text in, normalized event records out.

No Kafka here: this package never imports faust or aiokafka (a test proves it), loads
nothing at import time, and takes its resources (the gazetteer) as arguments.
"""

from extraction.core import ArticleInput, ExtractionResult, Extractor

__all__ = ["ArticleInput", "ExtractionResult", "Extractor"]
