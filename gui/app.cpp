// placeholder: replaced by the GUI implementation
