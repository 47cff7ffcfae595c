// placeholder: replaced by the persistence implementation
