"""The Hulpvragen screen: caseload list, filters and the help request dialog."""
