"""Context: who is speaking and about what. Matching finds what a page *says*; this stage
decides whether the page is *claiming* it (list scope, page voice) and records why."""
