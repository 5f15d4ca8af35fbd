"""Words and numbers for people, in Vietnamese or English: the message catalogue, labels, figures."""
