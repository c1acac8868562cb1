"""The hostile set: content, pictures and templates made as a hostile or careless contributor
would make them, each answered by deckgen with one line (validate and build alike), nothing
outside the project read or written, and no run without end."""
