"""The knowledge base: article models, the loader and validator, passage splitting."""

from helpdesk.kb.loader import check_knowledge_base, load_knowledge_base
from helpdesk.kb.models import Article, FrontMatter, KnowledgeBase, Passage

__all__ = [
    "Article",
    "FrontMatter",
    "KnowledgeBase",
    "Passage",
    "check_knowledge_base",
    "load_knowledge_base",
]
