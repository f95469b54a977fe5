"""The Vandaag start screen: cards contributed by the working areas."""
